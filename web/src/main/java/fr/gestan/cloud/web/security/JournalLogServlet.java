package fr.gestan.cloud.web.security;

import fr.gestan.cloud.security.api.JournalProofs;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The journal's transparency log at the addresses log clients expect (C2SP tlog-tiles): {@code GET /journal/checkpoint}
 * (the newest signed checkpoint, text/plain) and {@code GET /journal/tile/<L>/<N>[.p/<W>]} (hash tiles). Public, like
 * the public key beside them; the REST API serves the same under {@code /api/v1/public/journal}.
 */
@WebServlet(urlPatterns = {"/journal/checkpoint", "/journal/tile/*"})
public class JournalLogServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient JournalProofs proofs;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        if ("/journal/checkpoint".equals(request.getServletPath())) {
            Optional<String> note = proofs.checkpoint();
            if (note.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("text/plain; charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.getOutputStream().write(note.get().getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        long[] tile = MerkleLog.parseTilePath(path);
        Optional<byte[]> hashes = tile == null || tile[0] > 7 ? Optional.empty() : proofs.tile((int) tile[0], tile[1], (int) tile[2]);
        if (hashes.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/octet-stream");
        // A tile's content never changes for its name (a partial tile names its width).
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.getOutputStream().write(hashes.get());
    }
}
