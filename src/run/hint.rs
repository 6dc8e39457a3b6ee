//! Reading a failed run's stderr for the common case: a package the lesson imports is not
//! installed. The traceback's last line names the module; the hint names what to install.

/// A module the program could not import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// The error line as Python printed it: `ModuleNotFoundError: No module named 'torch'`.
    pub line: String,
    /// The top-level module: `torch` for `torch.nn`.
    pub module: String,
    /// What pip calls it: `scikit-learn` for `sklearn`.
    pub package: String,
}

impl Missing {
    /// "this lesson needs the package 'torch': pip install torch".
    pub fn hint(&self) -> String {
        format!(
            "this lesson needs the package '{0}': pip install {0}",
            self.package
        )
    }
}

/// Import names whose package is called something else on PyPI.
const PACKAGES: [(&str, &str); 10] = [
    ("sklearn", "scikit-learn"),
    ("cv2", "opencv-python"),
    ("PIL", "pillow"),
    ("yaml", "pyyaml"),
    ("bs4", "beautifulsoup4"),
    ("dotenv", "python-dotenv"),
    ("dateutil", "python-dateutil"),
    ("jwt", "pyjwt"),
    ("docx", "python-docx"),
    ("serial", "pyserial"),
];

/// Lines at the end of stderr searched for the error (Python may add notes after it).
const TAIL: usize = 4;

/// The missing module named near the end of `stderr`, if that is why the program failed.
pub fn missing_package(stderr: &str) -> Option<Missing> {
    let tail = stderr
        .lines()
        .rev()
        .filter(|l| !l.trim().is_empty())
        .take(TAIL);
    tail.filter_map(parse).next()
}

fn parse(line: &str) -> Option<Missing> {
    let line = line.trim();
    let name = line
        .strip_prefix("ModuleNotFoundError: No module named ")
        .or_else(|| line.strip_prefix("ImportError: No module named "))?;
    let name = name.trim_matches(|c| c == '\'' || c == '"');
    let module = name.split('.').next().filter(|m| is_identifier(m))?;
    let package = PACKAGES
        .iter()
        .find(|(import, _)| *import == module)
        .map_or_else(
            || module.replace('_', "-"),
            |(_, package)| package.to_string(),
        );
    Some(Missing {
        line: line.to_string(),
        module: module.to_string(),
        package,
    })
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRACEBACK: &str = "Traceback (most recent call last):\n  File \"/tmp/x/lesson_5_3.py\", line 1, in <module>\n    import torch.nn as nn\nModuleNotFoundError: No module named 'torch'\n";

    #[test]
    fn the_last_line_names_the_package() {
        let missing = missing_package(TRACEBACK).expect("found");
        assert_eq!(missing.line, "ModuleNotFoundError: No module named 'torch'");
        assert_eq!(
            missing.hint(),
            "this lesson needs the package 'torch': pip install torch"
        );
    }

    #[test]
    fn submodules_and_other_names() {
        let of = |name: &str| {
            missing_package(&format!("ModuleNotFoundError: No module named '{name}'"))
                .map(|m| m.package)
        };
        assert_eq!(of("langchain.chains").as_deref(), Some("langchain"));
        assert_eq!(of("sklearn.linear_model").as_deref(), Some("scikit-learn"));
        assert_eq!(of("langchain_openai").as_deref(), Some("langchain-openai"));
        assert_eq!(of("yaml").as_deref(), Some("pyyaml"));
        assert_eq!(of("'; rm -rf /"), None, "only a module name is repeated");
    }

    #[test]
    fn other_failures_are_not_missing_packages() {
        assert_eq!(
            missing_package("ZeroDivisionError: division by zero\n"),
            None
        );
        assert_eq!(missing_package(""), None);
        // An import error caught and printed long before the real failure is not it.
        let early = format!("{TRACEBACK}\n1\n2\n3\n4\nValueError: bad\n");
        assert_eq!(missing_package(&early), None);
    }
}
