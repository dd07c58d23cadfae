//! Given and family names for demo people, from many cultures, so the directory looks real.

/// Given names.
pub const GIVEN: &[&str] = &[
    "Aaliyah", "Aarav", "Abdul", "Ada", "Adebayo", "Aiko", "Aisha", "Alejandro", "Aleksandra", "Ali", "Amara", "Amir",
    "Ana", "Andrei", "Anika", "Arjun", "Astrid", "Ayesha", "Bao", "Beatriz", "Ben", "Bilal", "Camila", "Carlos", "Chen",
    "Chiara", "Chloe", "Chidi", "Daniel", "Dara", "David", "Deepa", "Diego", "Dmitri", "Elena", "Eli", "Emeka", "Emma",
    "Erik", "Esther", "Fatima", "Felix", "Fiona", "Gabriel", "Grace", "Hana", "Hannah", "Hassan", "Ines", "Ingrid",
    "Isaac", "Ivan", "Jae", "James", "Javier", "Jin", "Joao", "Joy", "Julia", "Kai", "Karim", "Kenji", "Kofi", "Lars",
    "Layla", "Leila", "Liam", "Lina", "Lucas", "Lucia", "Mai", "Malik", "Maria", "Mateo", "Maya", "Mei", "Mia", "Mohammed",
    "Nadia", "Nia", "Nikhil", "Nina", "Noah", "Nora", "Olga", "Oliver", "Omar", "Oskar", "Pablo", "Paul", "Pedro", "Priya",
    "Rafael", "Rahul", "Rania", "Ravi", "Rosa", "Ruth", "Sakura", "Samir", "Sara", "Sean", "Sofia", "Sun", "Tariq",
    "Thandiwe", "Theo", "Tomas", "Uma", "Valentina", "Victor", "Wei", "Yara", "Yusuf", "Zainab", "Zara", "Zoe",
];

/// Family names.
pub const FAMILY: &[&str] = &[
    "Abara", "Adeyemi", "Ahmed", "Alvarez", "Andersen", "Bakker", "Banerjee", "Barros", "Becker", "Bianchi", "Brown",
    "Campbell", "Castillo", "Chen", "Cohen", "Costa", "Dubois", "Dvorak", "Edwards", "Eriksson", "Fernandes", "Fischer",
    "Fofana", "Garcia", "Gonzalez", "Gupta", "Haddad", "Hansen", "Hernandez", "Hoang", "Horvat", "Hughes", "Ibrahim",
    "Ito", "Iyer", "Jansen", "Jensen", "Johnson", "Kaur", "Kelly", "Khan", "Kim", "Kowalski", "Kumar", "Lambert", "Larsen",
    "Lee", "Lopez", "Mahlangu", "Martin", "Mehta", "Mendes", "Moreau", "Murphy", "Mwangi", "Nakamura", "Ng", "Nguyen",
    "Novak", "Nowak", "O'Brien", "Okafor", "Okonkwo", "Olsen", "Ortiz", "Osei", "Park", "Patel", "Pereira", "Petrov",
    "Popescu", "Quinn", "Rahman", "Ramos", "Reddy", "Rossi", "Russo", "Said", "Santos", "Sato", "Schmidt", "Shah",
    "Silva", "Singh", "Smith", "Sokolov", "Suzuki", "Tan", "Tanaka", "Taylor", "Torres", "Tran", "Van Dijk", "Varga",
    "Wang", "Walker", "Weber", "Williams", "Wilson", "Wong", "Wu", "Yamamoto", "Yilmaz", "Zhang", "Zhou",
];

/// Offices.
pub const LOCATIONS: &[(&str, f64)] = &[
    ("London", 0.3),
    ("Manchester", 0.15),
    ("Dublin", 0.12),
    ("Amsterdam", 0.12),
    ("Berlin", 0.1),
    ("Lisbon", 0.08),
    ("Remote", 0.13),
];
