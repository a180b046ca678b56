//! Writing files so that readers, and a run interrupted at any point, see the old file or the
//! new one, never a partial write: a temporary file in the same directory (so the rename
//! cannot cross file systems), synced, then renamed over the target.

use std::io::Write;
use std::path::Path;

/// Replaces `path` with `contents` atomically; errors name the path.
pub fn write(path: &Path, contents: &str) -> Result<(), String> {
    write_with(path, contents, |_| Ok(()))
}

/// [`write`] with a hook run between the synced temporary file and the rename; an error from
/// it abandons the write (the temporary file is removed, the target untouched). Tests use it
/// to interrupt a write at its most delicate point.
pub fn write_with(
    path: &Path,
    contents: &str,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), String> {
    write_streamed(path, |w| w.write_all(contents.as_bytes()), before_rename)
}

/// Replaces `path` atomically with what `write` produces piece by piece (a long report need
/// not be held in memory).
pub fn write_streaming(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    write_streamed(path, write, |_| Ok(()))
}

fn write_streamed(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let mut tmp = tempfile::Builder::new()
        .prefix(".numcheck-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| fail(&e))?;
    set_mode(tmp.as_file(), path).map_err(|e| fail(&e))?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut w)
            .and_then(|_| w.flush())
            .map_err(|e| fail(&e))?;
    }
    tmp.as_file().sync_all().map_err(|e| fail(&e))?;
    before_rename(tmp.path()).map_err(|e| fail(&e))?;
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}

/// A temporary file is private (0600); the result keeps the mode of the file it replaces, or
/// gets the usual 0644 when new.
#[cfg(unix)]
fn set_mode(tmp: &std::fs::File, target: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let permissions = match std::fs::metadata(target) {
        Ok(meta) => meta.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o644),
    };
    tmp.set_permissions(permissions)
}

#[cfg(not(unix))]
fn set_mode(_tmp: &std::fs::File, _target: &Path) -> std::io::Result<()> {
    Ok(())
}
