// Runs the published journal consistency script's checks under Node (WebCrypto) for JournalConsistencyScriptTest:
// node consistency-harness.mjs <script.js> <vectors dir> <signed note file> <verifier key>
import fs from 'fs';
import path from 'path';

const [script, vectors, noteFile, verifierKey] = process.argv.slice(2);
globalThis.window = globalThis;
globalThis.addEventListener = globalThis.addEventListener || (() => {});
globalThis.document = {getElementById: id => id === 'journal-consistency' ? {dataset: {}, setAttribute() {}} : null};
globalThis.localStorage = {getItem() { return null; }, setItem() {}};
// The script runs its check on load; here its functions are taken instead.
eval(fs.readFileSync(script, 'utf8').replace('check().catch(',
        'globalThis.exposed = {consistent, signatureValid, parse}; Promise.resolve().catch('));
const {consistent, signatureValid, parse} = globalThis.exposed;
const b64 = s => Uint8Array.from(atob(s || ''), c => c.charCodeAt(0));

let agree = 0;
for (const d of fs.readdirSync(vectors)) {
    const dir = path.join(vectors, d);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir)) {
        const v = JSON.parse(fs.readFileSync(path.join(dir, f)));
        if (v.size1 === 0) continue; // a proof from the empty tree proves nothing: refused, as the Java verifier does
        let ok;
        try {
            ok = await consistent(v.size1, v.size2, b64(v.root1), b64(v.root2), (v.proof || []).map(b64));
        } catch (e) {
            ok = false;
        }
        if (ok !== !v.wantErr) {
            console.log('DISAGREE ' + d + '/' + f + ' ' + v.desc);
            process.exit(1);
        }
        agree++;
    }
}
const note = fs.readFileSync(noteFile, 'utf8');
const genuine = await signatureValid(parse(note), verifierKey);
const altered = await signatureValid(parse(note.replace(/\n(\d+)\n/, (m, n) => '\n' + (Number(n) + 1) + '\n')), verifierKey);
// A checkpoint pasted by hand: CRLF line ends, no final newline, surrounding blanks; text that is none is refused.
const pasted = await signatureValid(parse('  ' + note.trim().replace(/\n/g, '\r\n') + '  '), verifierKey);
const unreadable = [parse('hello'), parse(''), parse(note.replace(/\n\n/, '\n'))].every(p => p === null);
console.log('vectors ' + agree + ' signature ' + genuine + ' altered ' + altered + ' pasted ' + pasted + ' unreadable ' + unreadable);
