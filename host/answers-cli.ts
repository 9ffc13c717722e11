// Entry point of dist/host/answers.mjs (`npm run answers -- …`).
import './zod-jitless'; // first: before any schema is made
import { main } from './answers/cli/answers-cli';

void main(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text + '\n'),
  err: (text) => void process.stderr.write(text + '\n'),
}).then((code) => {
  process.exitCode = code;
});
