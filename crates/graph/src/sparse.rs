//! Sparse vectors and the weighting that makes them: vocabularies, TF-IDF, centring.

use std::collections::HashMap;

/// A sparse vector: (dimension, value) sorted by dimension.
pub(crate) type Sparse = Vec<(u32, f32)>;

/// Weighted term counts of one node.
pub(crate) type Counts = HashMap<u32, f32>;

/// Terms numbered in order of first appearance.
#[derive(Default)]
pub(crate) struct Vocab(HashMap<String, u32>);

impl Vocab {
    /// The number of a term, new terms getting the next one.
    pub(crate) fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.0.get(term) {
            return id;
        }
        let id = u32::try_from(self.0.len()).unwrap_or(u32::MAX);
        self.0.insert(term.to_owned(), id);
        id
    }
}

/// The dot product of two sparse vectors.
pub(crate) fn dot(a: &Sparse, b: &Sparse) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Sublinear TF × IDF, unit length; an empty count map gives an empty vector.
pub(crate) fn tfidf<'a>(counts: impl Iterator<Item = &'a Counts> + Clone) -> Vec<Sparse> {
    let n = counts.clone().count() as f32;
    let mut df: HashMap<u32, f32> = HashMap::new();
    for c in counts.clone() {
        for &term in c.keys() {
            *df.entry(term).or_default() += 1.0;
        }
    }
    counts
        .map(|c| {
            let v: Sparse = c
                .iter()
                .map(|(&t, &count)| (t, (1.0 + count).ln() * (n / df[&t]).ln()))
                .filter(|&(_, w)| w > 0.0)
                .collect();
            unit(v)
        })
        .collect()
}

/// Subtracts the mean profile (so that what every role needs does not make all roles alike)
/// and scales to unit length.
pub(crate) fn centred(rows: Vec<Vec<f32>>) -> (Vec<Sparse>, Vec<f32>) {
    let dim = rows.iter().map(Vec::len).max().unwrap_or(0);
    let full: Vec<&Vec<f32>> = rows.iter().filter(|r| r.len() == dim).collect();
    let mut mean = vec![0.0_f32; dim];
    for row in &full {
        for (m, v) in mean.iter_mut().zip(row.iter()) {
            *m += v;
        }
    }
    let count = full.len().max(1) as f32;
    mean.iter_mut().for_each(|m| *m /= count);
    rows.into_iter()
        .map(|r| {
            if r.len() != dim || dim == 0 {
                return (Vec::new(), 0.0);
            }
            let v: Sparse = (0u32..)
                .zip(r.iter().zip(&mean))
                .map(|(i, (v, m))| (i, v - m))
                .collect();
            let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
            (unit(v), norm)
        })
        .unzip()
}

/// Sorts by dimension and scales to unit length (an all-zero vector becomes empty).
fn unit(mut v: Sparse) -> Sparse {
    v.sort_unstable_by_key(|&(i, _)| i);
    let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if norm <= f32::EPSILON {
        return Vec::new();
    }
    v.iter_mut().for_each(|(_, w)| *w /= norm);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-5
    }

    #[test]
    fn dot_multiplies_shared_dimensions() {
        assert!(close(
            dot(
                &vec![(0, 1.0), (2, 2.0), (5, 1.0)],
                &vec![(2, 3.0), (5, 0.5), (7, 9.0)]
            ),
            6.5
        ));
        assert_eq!(dot(&Vec::new(), &vec![(1, 1.0)]), 0.0);
    }

    #[test]
    fn tfidf_ignores_terms_everyone_has_and_is_unit_length() {
        let counts: Vec<Counts> = vec![
            [(0, 1.0), (1, 3.0)].into_iter().collect(),
            [(0, 1.0), (2, 1.0)].into_iter().collect(),
            Counts::new(),
        ];
        let v = tfidf(counts.iter());
        // Term 0 is in two of three documents: it keeps a little weight; term 1 dominates.
        assert_eq!(v[0].iter().map(|x| x.0).collect::<Vec<_>>(), [0, 1]);
        assert!(v[0][1].1 > v[0][0].1);
        assert!(close(v[0].iter().map(|x| x.1 * x.1).sum::<f32>(), 1.0));
        assert!(v[2].is_empty(), "no terms, no vector");
    }

    #[test]
    fn centring_removes_the_shared_profile() {
        let (v, norms) = centred(vec![vec![5.0, 1.0], vec![5.0, 3.0], Vec::new()]);
        // Mean (5, 2): the first dimension carries nothing, the second is −1 and +1.
        assert!(close(v[0].iter().map(|x| x.1).sum::<f32>(), -1.0));
        assert!(close(dot(&v[0], &v[1]), -1.0));
        assert!(close(norms[0], 1.0) && v[2].is_empty() && norms[2] == 0.0);
    }
}
