//! The question and pitch coach (placeholder module, owned by the coach work).
