//! Layout of the network picture: the owner in the centre, internal customers around them on
//! one or two rings, each sized by relationship strength.

use serde::Serialize;

/// Width of the picture's view box.
pub const WIDTH: f32 = 720.0;
/// Height of the picture's view box.
pub const HEIGHT: f32 = 460.0;
/// At most this many customers are drawn; the list shows everyone.
pub const MAX_NODES: usize = 30;
/// Up to this many customers sit on a single ring.
const ONE_RING: usize = 10;

/// Where one customer is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Placed {
    /// Index into the input.
    pub index: usize,
    /// Centre x.
    pub x: f32,
    /// Centre y.
    pub y: f32,
    /// Radius, growing with strength.
    pub r: f32,
    /// Label baseline x.
    pub label_x: f32,
    /// Label baseline y.
    pub label_y: f32,
    /// Text anchor of the label: start, middle or end.
    pub anchor: &'static str,
    /// Width of the line from the centre, growing with strength.
    pub stroke: f32,
}

/// The radius of a node of strength 1–5.
pub fn radius(strength: i32) -> f32 {
    10.0 + 4.0 * strength.clamp(1, 5) as f32
}

/// The centre of the picture, where the owner sits.
pub fn centre() -> (f32, f32) {
    (WIDTH / 2.0, HEIGHT / 2.0)
}

/// Place up to [`MAX_NODES`] customers, given their strengths (1–5), clockwise from the top.
/// With more than ten, every other customer sits on an inner ring so labels do not collide.
pub fn layout(strengths: &[i32]) -> Vec<Placed> {
    let n = strengths.len().min(MAX_NODES);
    let (cx, cy) = centre();
    let (rx, ry) = (WIDTH / 2.0 - 110.0, HEIGHT / 2.0 - 60.0);
    let two_rings = n > ONE_RING;
    // Shrink every node alike when neighbours on the tightest ring would touch.
    let (ring_nodes, tight_scale) = if two_rings {
        (n.div_ceil(2).max(n / 2), 0.58)
    } else {
        (n, 1.0)
    };
    let chord =
        2.0 * rx.min(ry) * tight_scale * (std::f32::consts::PI / ring_nodes.max(2) as f32).sin();
    let k = ((chord / 2.0 - 2.0) / radius(5)).min(1.0);
    (0..n)
        .map(|i| {
            let angle = -std::f32::consts::FRAC_PI_2 + std::f32::consts::TAU * i as f32 / n as f32;
            let scale = if two_rings && i % 2 == 1 { 0.58 } else { 1.0 };
            let (cos, sin) = (angle.cos(), angle.sin());
            let x = cx + rx * scale * cos;
            let y = cy + ry * scale * sin;
            let r = radius(strengths[i]) * k;
            let anchor = if cos > 0.35 {
                "start"
            } else if cos < -0.35 {
                "end"
            } else {
                "middle"
            };
            let (label_x, label_y) = match anchor {
                "start" => (x + r + 6.0, y + 4.0),
                "end" => (x - r - 6.0, y + 4.0),
                _ if sin < 0.0 => (x, y - r - 8.0),
                _ => (x, y + r + 16.0),
            };
            Placed {
                index: i,
                x,
                y,
                r,
                label_x,
                label_y,
                anchor,
                stroke: 0.5 + strengths[i].clamp(1, 5) as f32 * 0.7,
            }
        })
        .collect()
}

/// Shorten a label for the picture (the full name is in the node's title and the list).
pub fn short_label(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let mut s: String = name.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inside(p: &Placed) -> bool {
        p.x - p.r >= 0.0 && p.x + p.r <= WIDTH && p.y - p.r >= 0.0 && p.y + p.r <= HEIGHT
    }

    #[test]
    fn first_node_is_at_the_top_and_sizes_follow_strength() {
        let placed = layout(&[5, 1]);
        let (cx, _) = centre();
        assert!((placed[0].x - cx).abs() < 0.01);
        assert!(placed[0].y < placed[1].y);
        assert!(placed[0].r > placed[1].r);
        assert!(placed[0].stroke > placed[1].stroke);
        assert_eq!(placed[0].anchor, "middle");
        assert!(
            placed[0].label_y < placed[0].y,
            "a top label sits above its node"
        );
    }

    #[test]
    fn every_node_fits_and_none_overlap() {
        for n in [1usize, 2, 3, 7, 10, 11, 20, 30, 45] {
            let strengths: Vec<i32> = (0..n).map(|i| (i % 5) as i32 + 1).collect();
            let placed = layout(&strengths);
            assert_eq!(placed.len(), n.min(MAX_NODES));
            for (i, a) in placed.iter().enumerate() {
                assert!(inside(a), "n={n} node {i} outside: {a:?}");
                let (cx, cy) = centre();
                assert!(
                    ((a.x - cx).powi(2) + (a.y - cy).powi(2)).sqrt() > a.r + 24.0,
                    "n={n} node {i} covers the centre"
                );
                for b in &placed[i + 1..] {
                    let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                    assert!(
                        d >= a.r + b.r - 1.0,
                        "n={n} nodes {} and {} overlap",
                        a.index,
                        b.index
                    );
                }
            }
        }
    }

    #[test]
    fn out_of_range_strengths_are_clamped() {
        assert_eq!(radius(0), radius(1));
        assert_eq!(radius(99), radius(5));
        assert!(layout(&[]).is_empty());
    }

    #[test]
    fn labels_are_shortened() {
        assert_eq!(short_label("Ann", 10), "Ann");
        assert_eq!(
            short_label("Bartholomew Featherstonehaugh", 10),
            "Bartholom…"
        );
    }
}
