// Dropping files and folders on the page the way a browser delivers them. Files travel as a real
// DataTransfer built in the page; folders need DataTransferItem.webkitGetAsEntry, which no script
// can attach to a real DataTransfer, so the folder drop hands the app an object with the same
// shape and the same rules as Chromium's (items readable only during the drop event; directory
// readers that return entries in batches until an empty batch).
import type { Page } from 'playwright-core';

/** A file to hand to the page: a name (a relative path for folders) and its content. */
export interface FileSpec {
  name: string;
  content: string | Uint8Array;
  type?: string;
}

interface WireFile { name: string; base64: string; type: string }

function toWire(files: FileSpec[]): WireFile[] {
  return files.map((f) => ({
    name: f.name,
    base64: Buffer.from(typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content).toString('base64'),
    type: f.type ?? (f.name.endsWith('.txt') ? 'text/plain' : f.name.endsWith('.md') ? 'text/markdown' : ''),
  }));
}

/** Drag files over the drop zone and drop them (dragenter, dragover, drop with a real DataTransfer). */
export async function dropFiles(page: Page, files: FileSpec[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((wire: WireFile[]) => {
    const dt = new DataTransfer();
    for (const f of wire) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, toWire(files));
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

/**
 * Drop one folder holding the given files (names are paths inside the folder, e.g. 'sub/a.txt').
 * Resolves to how many times the app called webkitGetAsEntry during the drop, and to whether it
 * tried to read the items after the event (which a real browser does not allow).
 */
export async function dropFolder(page: Page, folder: string, files: FileSpec[]): Promise<{ entryCalls: number; lateCalls: number }> {
  return page.evaluate(({ folder, wire }) => {
    type Entry = { isFile: boolean; isDirectory: boolean; name: string; fullPath: string };
    const later = (fn: () => void) => setTimeout(fn, 0); // the real callbacks are asynchronous
    const fileEntry = (path: string, f: WireFile): Entry & { file(ok: (file: File) => void): void } => {
      const name = path.split('/').pop() as string;
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      const file = new File([bytes], name, { type: f.type });
      return { isFile: true, isDirectory: false, name, fullPath: path, file: (ok) => later(() => ok(file)) };
    };
    const dirEntry = (path: string): Entry & { children: Entry[]; createReader(): unknown } => {
      const dir = {
        isFile: false, isDirectory: true, name: path.split('/').pop() as string, fullPath: path,
        children: [] as Entry[],
        createReader() {
          let next = 0;
          // Two entries per call, like Chromium's batches of 100 on a big folder: an app that
          // calls readEntries once loses the rest.
          return {
            readEntries(ok: (entries: Entry[]) => void) {
              const batch = dir.children.slice(next, next + 2);
              next += batch.length;
              later(() => ok(batch));
            },
          };
        },
      };
      return dir;
    };
    const root = dirEntry('/' + folder);
    const dirs = new Map<string, ReturnType<typeof dirEntry>>([['', root]]);
    for (const f of wire) {
      const parts = f.name.split('/');
      let parentKey = '';
      for (const part of parts.slice(0, -1)) {
        const key = parentKey ? `${parentKey}/${part}` : part;
        if (!dirs.has(key)) {
          const d = dirEntry(`/${folder}/${key}`);
          dirs.set(key, d);
          (dirs.get(parentKey) as ReturnType<typeof dirEntry>).children.push(d);
        }
        parentKey = key;
      }
      (dirs.get(parentKey) as ReturnType<typeof dirEntry>).children.push(fileEntry(`/${folder}/${f.name}`, f));
    }

    let duringEvent = true;
    let entryCalls = 0;
    let lateCalls = 0;
    const item = {
      kind: 'file', type: '',
      webkitGetAsEntry() {
        if (!duringEvent) { lateCalls++; return null; }
        entryCalls++;
        return root;
      },
      // A dropped folder arrives in dataTransfer.files as an empty, typeless File named after it.
      getAsFile: () => (duringEvent ? new File([], folder) : null),
      getAsString: () => undefined,
    };
    const folderFile = new File([], folder);
    const files = Object.assign([folderFile], { item: (i: number) => (i === 0 ? folderFile : null) });
    const items = Object.assign([item], { add() { throw new Error('read-only'); }, remove() {}, clear() {} });
    const fakeTransfer = { items, files, types: ['Files'], dropEffect: 'copy', effectAllowed: 'all', getData: () => '', setData() {} };

    const zone = document.querySelector('[data-testid="drop-zone"]');
    if (!zone) throw new Error('no [data-testid=drop-zone] on the page');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const event = new DragEvent(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: fakeTransfer });
      zone.dispatchEvent(event);
    }
    duringEvent = false;
    return { entryCalls, lateCalls };
  }, { folder, wire: toWire(files) });
}
