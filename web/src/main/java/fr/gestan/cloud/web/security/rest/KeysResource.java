package fr.gestan.cloud.web.security.rest;

import fr.gestan.cloud.common.keys.KeyView;
import fr.gestan.cloud.common.keys.RotatableKeys;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The product's key rings ({@code GET /keys}: admins and auditors) and their rotation
 * ({@code POST /keys/{purpose}/rotation}: admins; answers the new active key). The EJBs decide who may.
 */
@Path("/keys")
@RequestScoped
public class KeysResource {

    @Inject
    @Any
    Instance<RotatableKeys> rings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<KeyView> all() {
        List<KeyView> keys = new ArrayList<>();
        for (RotatableKeys ring : rings) {
            keys.addAll(ring.keys());
        }
        keys.sort(Comparator.comparing(KeyView::purpose));
        return keys;
    }

    @POST
    @Path("/{purpose}/rotation")
    @Produces(MediaType.APPLICATION_JSON)
    public KeyView rotate(@PathParam("purpose") String purpose) {
        for (RotatableKeys ring : rings) {
            if (ring.purpose().equals(purpose)) {
                return ring.rotate();
            }
        }
        throw new NotFoundException("no key ring " + purpose);
    }
}
