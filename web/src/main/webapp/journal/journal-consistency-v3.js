/*
 * Gestan Cloud - access journal consistency check, version 3 (published; never edited in place: a change is a new
 * file, journal-consistency-v4.js). Its SHA-256 is shown on the portal's journal page and in docs/security.md, and the
 * page loads it with Subresource Integrity. The same checks are in the offline verifier:
 *   java JournalVerifier.java --consistency <older-checkpoint> <newer-checkpoint> <proof.json> <journal-keys.txt>
 *
 * Reads the newest signed checkpoint (C2SP signed note) from /journal/checkpoint, checks its Ed25519 signature with
 * the key its signature line names, taken from the published key set the page gives (where WebCrypto has Ed25519), and compares it with the last checkpoint this
 * browser saw (localStorage): same size and same root, or an RFC 9162 consistency proof from the kept size to the
 * current one (/api/v1/public/journal/consistency). A rewritten or forked log shows a red warning naming both
 * checkpoints and the kept one is not replaced; a consistent one replaces it. Both can be downloaded.
 *
 * Version 2 adds: a checkpoint the client kept (pasted or read from a file) checked against the current one on
 * demand; the current checkpoint offered for download beside the kept one after a warning (the two signed notes are
 * the evidence of a split view); a check that could not complete (server unreachable, busy) is no red warning.
 * Version 1 read the application's base path from data-base, which the page left out when the application is at the
 * root (an empty attribute is not rendered): it fetched "undefined/journal/checkpoint" under the portal's protected
 * path, whose answer to a request without cookie is a redirect to the sign-in server, which the browser refuses to
 * follow (another origin) with "TypeError: Failed to fetch". Version 2 takes a missing base as the root.
 *
 * Version 3 follows key rotations: the page gives the published key set (data-verifier-keys, the text of
 * /journal/journal-keys.txt: one line per key, "<verifier key> <first tree size> <last tree size or *> ..."), and a
 * checkpoint verifies only with the key its signature line names (signed-note key hash), when that key is in the set
 * and the checkpoint's tree size lies in the key's period: an unknown key, or a retired key signing a larger tree, is
 * refused. A single verifier key (data-verifier-key, as version 2 read it) is a set of one key for every size.
 */
(function () {
    'use strict';
    var box = document.getElementById('journal-consistency');
    if (!box) {
        return;
    }
    var texts = box.dataset;
    // "/" or "/context/": never empty, though an older page may leave it out.
    var base = (texts.base || '/').replace(/\/+$/, '');

    /** Shows a verdict in one of the page's boxes: state consistent, warning, failed or unsupported. */
    function show(where, text, state) {
        var output = document.getElementById(where.id + '-result');
        output.textContent = text;
        output.className = state === 'warning' ? 'journal-warning' : state === 'consistent' ? 'journal-consistent' : 'journal-failed';
        output.setAttribute('role', state === 'warning' ? 'alert' : 'status');
        where.setAttribute('data-state', state);
    }

    if (!window.crypto || !window.crypto.subtle || !window.localStorage || !window.fetch || typeof BigInt === 'undefined') {
        show(box, texts.unsupported, 'unsupported');
        return;
    }

    function fromBase64(s) {
        return Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); });
    }

    function hex(bytes) {
        return Array.from(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
    }

    function equal(a, b) {
        return a.length === b.length && a.every(function (v, i) { return v === b[i]; });
    }

    async function sha256() {
        var length = 0;
        for (var i = 0; i < arguments.length; i++) {
            length += arguments[i].length;
        }
        var all = new Uint8Array(length);
        for (var j = 0, at = 0; j < arguments.length; at += arguments[j].length, j++) {
            all.set(arguments[j], at);
        }
        return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
    }

    function nodeHash(left, right) {
        return sha256(Uint8Array.of(1), left, right);
    }

    /**
     * A signed note: body (origin, size, base64 root, extensions), a blank line, then the signature lines; null when
     * the text is none (a checkpoint pasted by hand may have lost its final newline or gained CRLF line ends).
     */
    function parse(text) {
        var note = text.replace(/\r\n?/g, '\n').replace(/^\s+/, '').replace(/\s+$/, '') + '\n';
        var end = note.indexOf('\n\n');
        if (end < 0) {
            return null;
        }
        var body = note.substring(0, end + 1);
        var lines = body.split('\n');
        if (lines.length < 4 || !/^\d+$/.test(lines[1])) {
            return null;
        }
        var root;
        try {
            root = fromBase64(lines[2]);
        } catch (e) {
            return null;
        }
        return root.length !== 32 ? null : {
            note: note, body: body, origin: lines[0], size: Number(lines[1]), root: root,
            signatures: note.substring(end + 2).split('\n').filter(function (l) { return l.indexOf('\u2014 ') === 0; })
        };
    }

    function describe(checkpoint) {
        return texts.checkpoint.replace('{0}', checkpoint.size).replace('{1}', hex(checkpoint.root));
    }

    /**
     * The published key set: one key per line, "<verifier key> [<first tree size> [<last tree size or *> ...]]", lines
     * starting with # ignored; a verifier key alone signs every size. A verifier key is <name>+<key hash, hex>+<base64
     * of type byte and key>: the name has no '+', the base64 may have some.
     */
    function keySet(text) {
        return (text || '').split(/\r?\n/).map(function (l) { return l.trim(); })
            .filter(function (l) { return l && l.charAt(0) !== '#'; })
            .map(function (l) {
                var f = l.split(/\s+/);
                var first = f[0].indexOf('+');
                var second = f[0].indexOf('+', first + 1);
                return {
                    name: f[0].substring(0, first), keyHash: f[0].substring(first + 1, second).toLowerCase(),
                    typed: f[0].substring(second + 1), first: f.length > 1 ? Number(f[1]) : 0,
                    last: f.length > 2 && f[2] !== '*' ? Number(f[2]) : Infinity
                };
            });
    }

    /**
     * True, false, or null where this browser's WebCrypto has no Ed25519: the signature line of a key of the set
     * verifies, and the key's period covers the checkpoint's tree size (an unknown key or one outside its period: false).
     */
    async function signatureValid(checkpoint, verifierKeys) {
        var keys = keySet(verifierKeys);
        for (var i = 0; i < checkpoint.signatures.length; i++) {
            var fields = checkpoint.signatures[i].substring(2).split(' ');
            var blob;
            try {
                blob = fromBase64(fields[1]);
            } catch (e) {
                continue;
            }
            var named = keys.filter(function (k) { return k.name === fields[0] && k.keyHash === hex(blob.slice(0, 4)); })[0];
            if (!named || fields[0] !== checkpoint.origin) {
                continue; // another key's signature (a witness, or a key this set does not publish)
            }
            if (checkpoint.size < named.first || checkpoint.size > named.last) {
                return false; // a retired key may not sign a larger tree, nor a new key an older one
            }
            var key;
            try {
                key = await crypto.subtle.importKey('raw', fromBase64(named.typed).slice(1), {name: 'Ed25519'}, false, ['verify']);
            } catch (e) {
                return null;
            }
            return crypto.subtle.verify({name: 'Ed25519'}, key, blob.slice(4), new TextEncoder().encode(checkpoint.body));
        }
        return false;
    }

    /** The keys the page gives: the published set, or (an older page) its single verifier key. */
    var verifierKeys = texts.verifierKeys || texts.verifierKey;

    /** RFC 9162 section 2.1.4.2: the proof leads from root1 (size first) to root2 (size second). */
    async function consistent(first, second, root1, root2, proof) {
        if (first <= 0 || first > second) {
            return false;
        }
        if (first === second) {
            return proof.length === 0 && equal(root1, root2);
        }
        if (proof.length === 0) {
            return false;
        }
        var path = proof.slice();
        var fn = BigInt(first - 1);
        var sn = BigInt(second - 1);
        if ((BigInt(first) & BigInt(first - 1)) === 0n) {
            path.unshift(root1);
        }
        while ((fn & 1n) === 1n) {
            fn >>= 1n;
            sn >>= 1n;
        }
        var fr = path[0];
        var sr = path[0];
        for (var i = 1; i < path.length; i++) {
            var c = path[i];
            if (sn === 0n) {
                return false;
            }
            if ((fn & 1n) === 1n || fn === sn) {
                fr = await nodeHash(c, fr);
                sr = await nodeHash(c, sr);
                if ((fn & 1n) === 0n) {
                    while ((fn & 1n) === 0n && fn !== 0n) {
                        fn >>= 1n;
                        sn >>= 1n;
                    }
                }
            } else {
                sr = await nodeHash(sr, c);
            }
            fn >>= 1n;
            sn >>= 1n;
        }
        return sn === 0n && equal(fr, root1) && equal(sr, root2);
    }

    /** A request the server could not answer: the check did not complete, which says nothing about the log. */
    function Unavailable(what, status) {
        this.message = what + ': HTTP ' + status;
    }
    Unavailable.prototype.toString = function () {
        return this.message;
    };

    /** Same-origin GETs of public resources: no cookie goes with them, nothing is cached. */
    function get(path, accept) {
        return fetch(base + path, {cache: 'no-store', credentials: 'omit', headers: {Accept: accept}});
    }

    /** Whether the log at {@code newer} extends {@code older} (both signed notes of this log). */
    async function extendsLog(older, newer) {
        if (older.size === 0) {
            return true; // every log extends the empty one
        }
        if (older.size > newer.size) {
            return false;
        }
        if (older.size === newer.size) {
            return equal(older.root, newer.root);
        }
        var answer = await get('/api/v1/public/journal/consistency?first=' + older.size + '&second=' + newer.size, 'application/json');
        if (answer.status === 400) {
            return false; // the log refuses to prove it ever had the older size
        }
        if (!answer.ok) {
            throw new Unavailable('/api/v1/public/journal/consistency', answer.status);
        }
        return consistent(older.size, newer.size, older.root, newer.root, (await answer.json()).proof.map(fromBase64));
    }

    /** The newest signed checkpoint, its signature checked: {checkpoint, signature (true/null)}; null when none. */
    async function current() {
        var answer = await get('/journal/checkpoint', 'text/plain');
        if (answer.status === 404) {
            return null;
        }
        if (!answer.ok) {
            throw new Unavailable('/journal/checkpoint', answer.status);
        }
        var checkpoint = parse(await answer.text());
        if (!checkpoint) {
            throw new Unavailable('/journal/checkpoint', answer.status);
        }
        return {checkpoint: checkpoint, signature: await signatureValid(checkpoint, verifierKeys)};
    }

    function offer(linkId, checkpoint) {
        var link = document.getElementById(linkId);
        if (link) {
            link.href = URL.createObjectURL(new Blob([checkpoint.note], {type: 'text/plain'}));
            link.download = 'journal-checkpoint-' + checkpoint.size + '.txt';
            link.hidden = false;
        }
    }

    async function check() {
        var now = await current();
        if (!now) {
            show(box, texts.none, 'consistent');
            return;
        }
        var latest = now.checkpoint;
        if (now.signature === false) {
            offer('journal-current-download', latest);
            show(box, texts.forged.replace('{0}', describe(latest)), 'warning');
            return;
        }
        var note = now.signature === null ? ' ' + texts.noEd25519 : '';
        var storeKey = 'gestan-journal-checkpoint:' + latest.origin;
        var keptNote = localStorage.getItem(storeKey);
        var kept = keptNote ? parse(keptNote) : null;
        if (!kept) {
            localStorage.setItem(storeKey, latest.note);
            offer('journal-kept-download', latest);
            show(box, texts.first.replace('{0}', describe(latest)) + note, 'consistent');
            return;
        }
        if (!await extendsLog(kept, latest)) {
            offer('journal-kept-download', kept);
            offer('journal-current-download', latest);
            show(box, texts.warning.replace('{0}', describe(kept)).replace('{1}', describe(latest)), 'warning');
            return;
        }
        localStorage.setItem(storeKey, latest.note);
        offer('journal-kept-download', latest);
        show(box, texts.consistent.replace('{0}', describe(kept)).replace('{1}', describe(latest)) + note, 'consistent');
    }

    /** A checkpoint the client kept, pasted or read from a file, checked against the current one on demand. */
    async function checkGiven(given, text) {
        var kept = parse(text);
        if (!kept) {
            show(given, texts.givenUnreadable, 'failed');
            return;
        }
        var now = await current();
        if (!now) {
            show(given, texts.none, 'failed');
            return;
        }
        var latest = now.checkpoint;
        var signature = await signatureValid(kept, verifierKeys);
        if (kept.origin !== latest.origin || signature === false) {
            show(given, texts.givenForeign.replace('{0}', describe(kept)), 'failed');
            return;
        }
        if (now.signature === false) {
            show(given, texts.forged.replace('{0}', describe(latest)), 'warning');
            return;
        }
        var note = signature === null || now.signature === null ? ' ' + texts.noEd25519 : '';
        if (await extendsLog(kept, latest)) {
            show(given, texts.givenConsistent.replace('{0}', describe(kept)).replace('{1}', describe(latest)) + note, 'consistent');
        } else {
            show(given, texts.givenWarning.replace('{0}', describe(kept)).replace('{1}', describe(latest)), 'warning');
        }
    }

    function failed(where) {
        return function (e) {
            if (!leaving) {
                show(where, texts.failed + ' ' + e, 'failed');
            }
        };
    }

    // A fetch cut short because the page is being left is no verdict.
    var leaving = false;
    window.addEventListener('pagehide', function () {
        leaving = true;
    });

    var given = document.getElementById('journal-given');
    if (given) {
        var input = document.getElementById('journal-given-note');
        document.getElementById('journal-given-file').addEventListener('change', function (event) {
            var file = event.target.files[0];
            if (file) {
                file.text().then(function (text) {
                    input.value = text;
                });
            }
        });
        document.getElementById('journal-given-check').addEventListener('click', function (event) {
            event.preventDefault();
            given.removeAttribute('data-state');
            checkGiven(given, input.value).catch(failed(given));
        });
    }
    check().catch(failed(box));
}());
