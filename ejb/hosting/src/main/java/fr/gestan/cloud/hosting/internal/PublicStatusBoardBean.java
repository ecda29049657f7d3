package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.hosting.api.PublicStatusBoard;
import fr.gestan.cloud.hosting.api.PublicStatusView;
import fr.gestan.cloud.hosting.api.ServerStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** {@link ServerStatus#publicStatus()} for /status and its JSON, through {@link StatusBoardCache}. */
@Stateless
@PermitAll
public class PublicStatusBoardBean implements PublicStatusBoard {

    @EJB
    ServerStatus status;

    @Override
    public PublicStatusView current() {
        return StatusBoardCache.get(status::publicStatus);
    }
}
