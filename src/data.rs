//! The bundled data as the app holds it: loaded and validated once at start, with the derived
//! model and data-quality flags, shared by pointer.

use std::ops::Deref;
use std::rc::Rc;

use engine::consistency::{self, ChangeCheck, Flag};
use engine::{Bundle, DataError, GtiModel};

pub struct AppData {
    pub bundle: Bundle,
    pub model: GtiModel,
    pub flags: Vec<Flag>,
    pub change_checks: Vec<ChangeCheck>,
    /// Problems found while loading; the rows concerned are left out.
    pub errors: Vec<DataError>,
    /// Fingerprint of the bundled data, for exports.
    pub version: String,
}

thread_local! {
    /// Data loaded ahead of the first render ([`AppData::preload`]).
    static PRELOADED: std::cell::RefCell<Option<AppData>> = const { std::cell::RefCell::new(None) };
}

impl AppData {
    /// Loads the data now, for the first render to take ([`AppData::loaded`]): the explorer
    /// does it in a task of its own before taking over a pre-rendered page, so that neither
    /// task blocks a slow phone for long.
    pub fn preload() {
        let data = AppData::load();
        PRELOADED.with(|p| *p.borrow_mut() = Some(data));
    }

    /// The data preloaded, else loaded now.
    pub fn loaded() -> AppData {
        PRELOADED
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(AppData::load)
    }

    pub fn load() -> AppData {
        // The embed build shows no factsheets: it loads the data without them.
        #[cfg(feature = "full")]
        let files = engine::Files::bundled();
        #[cfg(not(feature = "full"))]
        let files = engine::Files::bundled_core();
        let (bundle, errors) = Bundle::load_tables(&files);
        let version = files.version();
        let model = GtiModel::new(&bundle.gti);
        let flags = consistency::flags(&bundle);
        let change_checks = consistency::change_checks(&bundle.csp);
        AppData {
            bundle,
            model,
            flags,
            change_checks,
            errors,
            version,
        }
    }
}

/// An `Rc` whose equality is identity: cheap to compare as a Yew prop.
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
