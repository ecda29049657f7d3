/*
 * Gestan Cloud - access journal consistency check, version 1 (published; never edited in place: a change is a new
 * file, journal-consistency-v2.js). Its SHA-256 is shown on the portal's journal page and in docs/security.md, and the
 * page loads it with Subresource Integrity. The same checks are in the offline verifier:
 *   java JournalVerifier.java --consistency <older-checkpoint> <newer-checkpoint> <proof.json> <public-key.pem>
 *
 * Reads the newest signed checkpoint (C2SP signed note) from /journal/checkpoint, checks its Ed25519 signature with
 * the verifier key given by the page (where WebCrypto has Ed25519), and compares it with the last checkpoint this
 * browser saw (localStorage): same size and same root, or an RFC 9162 consistency proof from the kept size to the
 * current one (/api/v1/public/journal/consistency). A rewritten or forked log shows a red warning naming both
 * checkpoints and the kept one is not replaced; a consistent one replaces it.
 */
(function () {
    'use strict';
    var box = document.getElementById('journal-consistency');
    if (!box) {
        return;
    }
    var texts = box.dataset;
    var result = document.getElementById('journal-consistency-result');

    function show(text, warning) {
        result.textContent = text;
        result.className = warning ? 'journal-warning' : 'journal-consistent';
        result.setAttribute('role', warning ? 'alert' : 'status');
        box.setAttribute('data-state', warning ? 'warning' : 'consistent');
    }

    if (!window.crypto || !window.crypto.subtle || !window.localStorage || !window.fetch || typeof BigInt === 'undefined') {
        show(texts.unsupported, false);
        box.setAttribute('data-state', 'unsupported');
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

    /** A signed note: body (origin, size, base64 root, extensions), then the signature lines. */
    function parse(note) {
        var end = note.indexOf('\n\n');
        var body = note.substring(0, end + 1);
        var lines = body.split('\n');
        return {
            note: note, body: body, origin: lines[0], size: Number(lines[1]), root: fromBase64(lines[2]),
            signatures: note.substring(end + 2).split('\n').filter(function (l) { return l.indexOf('\u2014 ') === 0; })
        };
    }

    function describe(checkpoint) {
        return texts.checkpoint.replace('{0}', checkpoint.size).replace('{1}', hex(checkpoint.root));
    }

    /** True, false, or null where this browser's WebCrypto has no Ed25519. */
    async function signatureValid(checkpoint, verifierKey) {
        // <name>+<key hash, hex>+<base64 of type byte and key>: the name has no '+', the base64 may have some.
        var first = verifierKey.indexOf('+');
        var second = verifierKey.indexOf('+', first + 1);
        var name = verifierKey.substring(0, first);
        var keyHash = verifierKey.substring(first + 1, second);
        var typed = fromBase64(verifierKey.substring(second + 1));
        var key;
        try {
            key = await crypto.subtle.importKey('raw', typed.slice(1), {name: 'Ed25519'}, false, ['verify']);
        } catch (e) {
            return null;
        }
        for (var i = 0; i < checkpoint.signatures.length; i++) {
            var fields = checkpoint.signatures[i].substring(2).split(' ');
            var blob = fromBase64(fields[1]);
            if (fields[0] === name && hex(blob.slice(0, 4)) === keyHash.substring(0, 8)) {
                return crypto.subtle.verify({name: 'Ed25519'}, key, blob.slice(4), new TextEncoder().encode(checkpoint.body));
            }
        }
        return false;
    }

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

    function offerDownload(note) {
        var link = document.getElementById('journal-kept-download');
        if (link) {
            link.href = URL.createObjectURL(new Blob([note], {type: 'text/plain'}));
            link.hidden = false;
        }
    }

    async function check() {
        var answer = await fetch(texts.base + '/journal/checkpoint', {cache: 'no-store', credentials: 'omit'});
        if (!answer.ok) {
            show(texts.none, false);
            return;
        }
        var current = parse(await answer.text());
        var signature = await signatureValid(current, texts.verifierKey);
        if (signature === false) {
            show(texts.forged.replace('{0}', describe(current)), true);
            return;
        }
        var note = signature === null ? ' ' + texts.noEd25519 : '';
        var storeKey = 'gestan-journal-checkpoint:' + current.origin;
        var keptNote = localStorage.getItem(storeKey);
        if (!keptNote) {
            localStorage.setItem(storeKey, current.note);
            offerDownload(current.note);
            show(texts.first.replace('{0}', describe(current)) + note, false);
            return;
        }
        var kept = parse(keptNote);
        var good;
        if (kept.size === 0) {
            good = true; // every log extends the empty one
        } else if (kept.size > current.size) {
            good = false;
        } else if (kept.size === current.size) {
            good = equal(kept.root, current.root);
        } else {
            var proof = await fetch(texts.base + '/api/v1/public/journal/consistency?first=' + kept.size + '&second=' + current.size,
                {cache: 'no-store', credentials: 'omit'});
            good = proof.ok && await consistent(kept.size, current.size, kept.root, current.root,
                (await proof.json()).proof.map(fromBase64));
        }
        if (!good) {
            offerDownload(kept.note);
            show(texts.warning.replace('{0}', describe(kept)).replace('{1}', describe(current)), true);
            return;
        }
        localStorage.setItem(storeKey, current.note);
        offerDownload(current.note);
        show(texts.consistent.replace('{0}', describe(kept)).replace('{1}', describe(current)) + note, false);
    }

    // A fetch cut short because the page is being left is no verdict.
    var leaving = false;
    window.addEventListener('pagehide', function () {
        leaving = true;
    });
    check().catch(function (e) {
        if (!leaving) {
            show(texts.failed + ' ' + e, true);
        }
    });
}());
