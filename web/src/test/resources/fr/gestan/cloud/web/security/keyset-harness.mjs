// Runs the published journal consistency script's signature check under Node (WebCrypto) with a published key set,
// for JournalConsistencyScriptTest: node keyset-harness.mjs <script.js> <key set file> <signed note file>...
// Prints one verdict (true / false / null) per note, in order.
import fs from 'fs';

const [script, keySetFile, ...notes] = process.argv.slice(2);
globalThis.window = globalThis;
globalThis.addEventListener = globalThis.addEventListener || (() => {});
globalThis.document = {getElementById: id => id === 'journal-consistency' ? {dataset: {}, setAttribute() {}} : null};
globalThis.localStorage = {getItem() { return null; }, setItem() {}};
// The script runs its check on load; here its functions are taken instead.
eval(fs.readFileSync(script, 'utf8').replace('check().catch(',
        'globalThis.exposed = {signatureValid, parse}; Promise.resolve().catch('));
const {signatureValid, parse} = globalThis.exposed;
const keys = fs.readFileSync(keySetFile, 'utf8');
const verdicts = [];
for (const file of notes) {
    verdicts.push(await signatureValid(parse(fs.readFileSync(file, 'utf8')), keys));
}
console.log('verdicts ' + verdicts.join(' '));
