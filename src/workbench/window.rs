//! The rows in view of a long table: above [`DRAWN_WHOLE`] rows, a table draws only the rows
//! in view of its scrolling box and [`OVERSCAN`] on either side, so that a slider costs the
//! same at 10,000 units as at 200. Spacer rows stand for the rest (sized through the style
//! object: the pages' Content-Security-Policy allows no style attributes), the table says how
//! many rows it has (`aria-rowcount`) and each drawn row where it stands (`aria-rowindex`).
//! Rows are keyed by place, so that the row at a place keeps its element while the window
//! moves and a focused link stays on its unit; focusing a link scrolls the box, which draws
//! the rows around it, so the Tab key walks through every row.

use std::ops::Range;

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Up to this many rows a table draws every row (every index the explorer bundles).
pub const DRAWN_WHOLE: usize = 250;

/// Rows drawn beyond each edge of the view: room to scroll a little, and a next row for the
/// Tab key to reach.
pub const OVERSCAN: usize = 20;

/// A row's height until one is measured, in CSS pixels.
const ROW_HEIGHT: f64 = 33.0;

/// Which rows of a table of `count` rows to draw, and what the table needs to draw them.
#[derive(Clone)]
pub struct RowsInView {
    /// The table's scrolling box.
    pub wrap: NodeRef,
    /// The box's scroll handler.
    pub onscroll: Callback<Event>,
    /// The rows to draw, by place.
    pub range: Range<usize>,
    pub count: usize,
    top: NodeRef,
    bottom: NodeRef,
}

impl RowsInView {
    /// Whether only some rows are drawn.
    pub fn windowed(&self) -> bool {
        self.count > DRAWN_WHOLE
    }

    /// The table's `aria-rowcount` (the header row included), when windowed.
    pub fn row_count(&self) -> Option<String> {
        self.windowed().then(|| (self.count + 1).to_string())
    }

    /// A drawn row's `aria-rowindex` (the header is row 1), when windowed.
    pub fn row_index(&self, place: usize) -> Option<usize> {
        self.windowed().then_some(place + 2)
    }

    /// The spacer before the drawn rows (nothing unless windowed).
    pub fn before(&self, columns: usize) -> Html {
        self.spacer(&self.top, columns)
    }

    /// The spacer after the drawn rows (nothing unless windowed).
    pub fn after(&self, columns: usize) -> Html {
        self.spacer(&self.bottom, columns)
    }

    fn spacer(&self, cell: &NodeRef, columns: usize) -> Html {
        if !self.windowed() {
            return html! {};
        }
        html! {
            <tr class="wb-spacer" aria-hidden="true"><td colspan={columns.to_string()} ref={cell.clone()}></td></tr>
        }
    }
}

/// The rows in view of a table of `count` rows.
#[hook]
pub fn use_rows_in_view(count: usize) -> RowsInView {
    let wrap = use_node_ref();
    let top = use_node_ref();
    let bottom = use_node_ref();
    let row_height = use_mut_ref(|| ROW_HEIGHT);
    // The first row in view and how many rows fit in the box.
    let view = use_state_eq(|| (0usize, 40usize));
    let onscroll = {
        let (wrap, view, row_height) = (wrap.clone(), view.clone(), row_height.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = wrap.cast::<web_sys::Element>() {
                let h = row_height.borrow().max(1.0);
                let first = (f64::from(el.scroll_top()) / h).floor() as usize;
                let fit = (f64::from(el.client_height()) / h).ceil() as usize + 1;
                view.set((first, fit));
            }
        })
    };
    let range = if count > DRAWN_WHOLE {
        let (first, fit) = *view;
        let first = first.min(count.saturating_sub(fit));
        first.saturating_sub(OVERSCAN)..(first + fit + OVERSCAN).min(count)
    } else {
        0..count
    };
    {
        let (top, bottom, wrap, row_height) = (
            top.clone(),
            bottom.clone(),
            wrap.clone(),
            row_height.clone(),
        );
        let (before, after) = (range.start, count - range.end);
        use_effect(move || {
            if count > DRAWN_WHOLE {
                // The spacers first, with the height known so far: reading a row's height
                // lays the table out, and with the new rows beside the old spacers the box
                // could shrink under its scroll position.
                let size = |h: f64| {
                    for (spacer, rows) in [(&top, before), (&bottom, after)] {
                        if let Some(cell) = spacer.cast::<web_sys::HtmlElement>() {
                            let _ = cell
                                .style()
                                .set_property("height", &format!("{}px", rows as f64 * h));
                        }
                    }
                };
                let known = *row_height.borrow();
                size(known);
                let measured = wrap
                    .cast::<web_sys::Element>()
                    .and_then(|el| el.query_selector("tbody tr:not(.wb-spacer)").ok().flatten())
                    .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
                    .map_or(0.0, |r| f64::from(r.offset_height()));
                if measured > 0.0 && (measured - known).abs() > 0.5 {
                    *row_height.borrow_mut() = measured;
                    size(measured);
                }
            }
        });
    }
    RowsInView {
        wrap,
        onscroll,
        range,
        count,
        top,
        bottom,
    }
}
