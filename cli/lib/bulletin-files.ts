// Turns the paths a user typed into the list of bulletin files a command reads. Shared by every
// command that takes `<file|dir>...` (parse, dedup, search) so they all see the same files in
// the same order, and a file's position means the same thing in each command's output.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BULLETIN_EXTENSIONS, isBulletinName } from '../../src/core/decode/index';

/** One file to read, named as the user gave it (or joined under the directory they gave). */
export interface FileEntry {
  file: string;
  /** Set when the path itself cannot be used (missing, unreadable); the file is then not read. */
  error: string | null;
}

/** The files found under the given paths, plus notes for the user about what was left out. */
export interface FileListing {
  entries: FileEntry[];
  notes: string[];
}

/** A short reason for a failed file-system call, in words rather than an errno. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    default: return err instanceof Error ? err.message : String(err);
  }
}

/** Code-point order, so the listing is the same on every machine and locale. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expand files and directories into bulletin files. Files given explicitly are always listed
 * (whatever their extension: the user asked for them); directories are walked recursively for
 * bulletin extensions, skipping hidden entries (.git …). A file reached twice is listed once.
 */
export async function listBulletinFiles(paths: string[]): Promise<FileListing> {
  const entries: FileEntry[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();

  const addFile = async (file: string) => {
    const real = await realpath(file).catch(() => file);
    if (seen.has(real)) return;
    seen.add(real);
    entries.push({ file, error: null });
  };

  // Returns how many bulletin files the directory held and how many other files it skipped.
  const walk = async (dir: string, visiting: Set<string>): Promise<{ found: number; skipped: string[] }> => {
    const tally = { found: 0, skipped: [] as string[] };
    const real = await realpath(dir);
    if (visiting.has(real)) return tally; // a symlink cycle: this folder is already being walked
    visiting.add(real);
    const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort(byName);
    for (const name of names) {
      const path = join(dir, name);
      let info;
      try {
        info = await stat(path);
      } catch (err) {
        entries.push({ file: path, error: `cannot read: ${describeFsError(err)}` });
        continue;
      }
      if (info.isDirectory()) {
        try {
          const sub = await walk(path, visiting);
          tally.found += sub.found;
          tally.skipped.push(...sub.skipped);
        } catch (err) {
          entries.push({ file: path, error: `cannot read the directory: ${describeFsError(err)}` });
        }
      } else if (info.isFile() && isBulletinName(name)) {
        await addFile(path);
        tally.found++;
      } else if (info.isFile()) {
        tally.skipped.push(path);
      }
    }
    visiting.delete(real);
    return tally;
  };

  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (err) {
      entries.push({ file: given, error: `cannot read: ${describeFsError(err)}` });
      continue;
    }
    if (!info.isDirectory()) {
      await addFile(given);
      continue;
    }
    try {
      const { found, skipped } = await walk(given, new Set());
      if (found === 0) {
        notes.push(`${given}: no bulletin files (${BULLETIN_EXTENSIONS.join(', ')}) in this directory`);
      }
      if (skipped.length) {
        const sample = skipped.slice(0, 3).join(', ') + (skipped.length > 3 ? ', …' : '');
        notes.push(`${given}: skipped ${skipped.length} file(s) without a bulletin extension: ${sample}`);
      }
    } catch (err) {
      entries.push({ file: given, error: `cannot read the directory: ${describeFsError(err)}` });
    }
  }
  return { entries, notes };
}
