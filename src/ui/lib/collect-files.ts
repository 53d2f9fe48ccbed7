// Turning what the user gives (picked files, a picked folder, a drop of files and folders) into
// named files for the worker. Folder names are kept in the path, so a bulletin dated by its
// folder (2026-06-10/04.txt) keeps that date and same-named files in two folders stay apart.
import type { FileToAdd } from '../../worker/protocol';

/** Files from an <input type=file>, named by their path inside a picked folder when there is one. */
export function filesFromInput(list: FileList | null): FileToAdd[] {
  return Array.from(list ?? [], (file) => ({ name: file.webkitRelativePath || file.name, file }));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** All entries of a directory: readEntries returns them in batches until an empty one. */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: FileToAdd[]): Promise<void> {
  const name = entry.fullPath.replace(/^\/+/, '') || entry.name;
  if (entry.isFile) {
    try {
      out.push({ name, file: await fileOf(entry as FileSystemFileEntry) });
    } catch {
      // unreadable entry (permission): an empty stand-in makes the worker report it by name
      out.push({ name, file: new Blob([]) });
    }
  } else if (entry.isDirectory) {
    const children = await readAll(entry as FileSystemDirectoryEntry);
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, out);
  }
}

/**
 * Files from a drop, walking dropped folders recursively. The DataTransfer is read synchronously
 * (it is emptied when the event handler returns); only the folder walk is asynchronous.
 */
export function filesFromDrop(dt: DataTransfer | null): Promise<FileToAdd[]> {
  if (!dt) return Promise.resolve([]);
  const entries: FileSystemEntry[] = [];
  const loose: FileToAdd[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.() ?? null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) loose.push({ name: file.name, file });
    }
  }
  if (!entries.length && !loose.length) loose.push(...filesFromInput(dt.files));
  return (async () => {
    const out: FileToAdd[] = [...loose];
    for (const entry of entries) await walk(entry, out);
    return out;
  })();
}
