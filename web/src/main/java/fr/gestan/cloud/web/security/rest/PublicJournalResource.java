package fr.gestan.cloud.web.security.rest;

import fr.gestan.cloud.security.api.ConsistencyProofView;
import fr.gestan.cloud.security.api.JournalProofs;
import fr.gestan.cloud.security.api.JournalVerifier.MerkleLog;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The journal's transparency log for anyone, without sign-in: the newest signed checkpoint (C2SP signed note), the
 * verifier key, hash tiles (C2SP tlog-tiles: {@code tile/<L>/<N>[.p/<W>]}) and consistency proofs between two tree
 * sizes. The same checkpoint and tiles are also at {@code /journal/checkpoint} and {@code /journal/tile/...}.
 */
@Path("/public/journal")
@RequestScoped
public class PublicJournalResource {

    static final String TEXT = "text/plain;charset=UTF-8";

    @EJB
    JournalProofs proofs;

    @GET
    @Path("/checkpoint")
    @Produces(TEXT)
    public Response checkpoint() {
        return proofs.checkpoint().map(note -> Response.ok(note).header("Cache-Control", "no-cache").build())
                .orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/verifier-key")
    @Produces(TEXT)
    public String verifierKey() {
        return proofs.verifierKey() + "\n";
    }

    /**
     * The published checkpoint key set: one line per key that signed this log's checkpoints (verifier key, first and
     * last tree size it signed, {@code *} while active, activated and retired instants); also at
     * {@code /journal/journal-keys.txt}. A checkpoint names its key by the key hash of its signature line.
     */
    @GET
    @Path("/keys")
    @Produces(TEXT)
    public Response keys() {
        return Response.ok(proofs.keySet()).header("Cache-Control", "no-cache").build();
    }

    /** A hash tile; full tiles never change and may be cached for ever, partial ones are superseded as the log grows. */
    @GET
    @Path("/tile/{path: .+}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response tile(@PathParam("path") String path) {
        long[] tile = MerkleLog.parseTilePath(path);
        if (tile == null || tile[0] > 7) {
            throw new NotFoundException();
        }
        byte[] hashes = proofs.tile((int) tile[0], tile[1], (int) tile[2]).orElseThrow(NotFoundException::new);
        return Response.ok(hashes).header("Cache-Control", "public, max-age=31536000, immutable").build();
    }

    /** RFC 9162 §2.1.4 consistency proof from tree size {@code first} to {@code second} (both at least 1). */
    @GET
    @Path("/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    public ConsistencyProofView consistency(@QueryParam("first") long first, @QueryParam("second") long second) {
        return proofs.consistency(first, second);
    }
}
