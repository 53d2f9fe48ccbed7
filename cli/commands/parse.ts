// `parse <file|dir>...`: one JSON object on stdout with every bulletin's articles and fragments.
// Output is streamed one bulletin at a time so a large collection never sits in memory as one
// string; the surrounding object is still a single valid JSON document.
import { EXIT, INVOCATION, type CliIO } from '../io';
import { listBulletinFiles } from '../lib/bulletin-files';
import { reportFile } from '../lib/bulletin-report';
import { readPathArgs } from '../lib/path-args';

/** Usage text of the parse command. */
export const PARSE_USAGE = `Usage: ${INVOCATION} parse <file|dir>...

Parse bulletin files and print one JSON object on stdout:
  {"bulletins":[{"file","sha256","encoding","error","meta","articles","fragments"}]}
Directories are searched recursively for .txt, .md, .markdown and .text files; files named
explicitly are always read. Exit status: 0 every file parsed, 1 some file failed (its "error"
says why; the others are still reported), 2 usage error. See docs/cli.md.
`;

/** Run `parse` over the given paths. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const paths = readPathArgs('parse', args, PARSE_USAGE, io);
  if (typeof paths === 'number') return paths;

  const { entries, notes } = await listBulletinFiles(paths);
  for (const note of notes) io.err(`parse: ${note}\n`);
  let anyFailed = false;
  io.out('{"bulletins":[');
  for (let i = 0; i < entries.length; i++) {
    const report = await reportFile(entries[i]);
    if (report.error !== null) {
      anyFailed = true;
      io.err(`parse: ${report.file}: ${report.error}\n`);
    }
    io.out((i ? ',' : '') + JSON.stringify(report));
  }
  io.out(']}\n');
  return anyFailed ? EXIT.inputFailed : EXIT.ok;
}
