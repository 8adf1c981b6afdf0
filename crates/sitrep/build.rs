//! Embeds every file under the workspace's `resources/` folder into the library, so the
//! binary carries its rules and gazetteer and `--resources DIR` can still override them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let resources = manifest_dir.join("../../resources").canonicalize().unwrap();
    println!("cargo:rerun-if-changed={}", resources.display());
    let mut files = Vec::new();
    collect(&resources, &mut files);
    files.sort();
    let mut code = String::from("/// Files under `resources/`, by path relative to it.\n");
    code.push_str("pub static EMBEDDED: &[(&str, &[u8])] = &[\n");
    for file in &files {
        let relative = file.strip_prefix(&resources).unwrap();
        let name = relative.to_str().unwrap().replace('\\', "/");
        println!("cargo:rerun-if-changed={}", file.display());
        writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            file.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_resources.rs");
    std::fs::write(out, code).unwrap();
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, files);
        } else if path
            .file_name()
            .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
        {
            files.push(path);
        }
    }
}
