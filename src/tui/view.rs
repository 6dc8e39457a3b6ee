//! The screen, drawn from state alone.

use ratatui::Frame;
use ratatui::layout::Size;

use super::geometry::{self, Areas, SearchBox};
use super::keymap;
use super::panes::help::Help;
use super::panes::lesson::LessonPane;
use super::panes::notice::{Consent, TooSmall};
use super::panes::output::OutputPane;
use super::panes::search::SearchPane;
use super::panes::sidebar::Sidebar;
use super::panes::status::StatusBar;
use super::state::{Overlay, State};
use super::update::Context;

pub fn draw(frame: &mut Frame, state: &State, ctx: &Context) {
    let area = frame.area();
    let size = Size::new(area.width, area.height);
    // The frame's own size, not the state's: a resize between the two must not draw a frame
    // laid out for another size.
    let Some(areas) = Areas::new(size, state.sidebar, state.run.is_some()) else {
        frame.render_widget(TooSmall { styles: ctx.styles }, area);
        return;
    };
    if let Some(sidebar) = areas.sidebar {
        frame.render_widget(Sidebar { state, ctx }, sidebar);
    }
    let width = areas.text_width();
    let (_, widest) = ctx.pages.extent(state.page, width);
    let pane = LessonPane {
        state,
        ctx,
        body: areas.body,
        width,
    };
    frame.render_widget(pane, areas.lesson);
    if let (Some(view), Some(area)) = (&state.run, areas.output) {
        let styles = ctx.styles;
        frame.render_widget(
            OutputPane {
                state,
                view,
                styles,
            },
            area,
        );
    }
    let status = StatusBar {
        state,
        ctx,
        height: usize::from(areas.body.height),
        width,
        wide: widest > usize::from(areas.body.width),
    };
    frame.render_widget(status, areas.status);
    match state.overlay {
        Some(Overlay::Help { scroll }) => {
            let help = Help {
                styles: ctx.styles,
                scroll,
            };
            frame.render_widget(help, geometry::help_box(size, keymap::help_rows().len()));
        }
        Some(Overlay::Search) => {
            let pane = SearchPane {
                state,
                ctx,
                areas: SearchBox::new(&areas),
            };
            frame.set_cursor_position(pane.cursor());
            frame.render_widget(pane, areas.lesson);
        }
        Some(Overlay::Consent) => {
            let python = state.python.as_deref().unwrap_or_default();
            let styles = ctx.styles;
            frame.render_widget(Consent { styles, python }, areas.lesson);
        }
        None => {}
    }
}
