/*!
Loads the resource files: the built-in ones, overlaid with a directory's when
`--resources DIR` is given.
*/

use std::path::Path;

use anyhow::{Context, Result};
use sitrep::ResourceFiles;

/// The resource files to compile rules from.
pub fn files(dir: Option<&Path>) -> Result<ResourceFiles> {
    let mut files = ResourceFiles::embedded();
    if let Some(dir) = dir {
        overlay(dir, dir, &mut files)
            .with_context(|| format!("reading resources from {}", dir.display()))?;
    }
    Ok(files)
}

fn overlay(root: &Path, dir: &Path, files: &mut ResourceFiles) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            overlay(root, &path, files)?;
        } else {
            let relative = path
                .strip_prefix(root)?
                .to_string_lossy()
                .replace('\\', "/");
            let bytes =
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            files.set(relative, bytes);
        }
    }
    Ok(())
}

/// Every stage's compiled rules.
pub fn load(dir: Option<&Path>) -> Result<sitrep::Resources> {
    Ok(sitrep::Resources::load(&files(dir)?)?)
}
