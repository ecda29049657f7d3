package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.HostingRefusedException;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.validation.ConstraintViolation;
import java.util.Set;

/** Why a hosting service refused, told to the user. */
final class Refusals {

    private Refusals() {
    }

    /**
     * Shows why a service refused: a business rule (its localised reason), invalid input (each constraint's
     * message) or missing rights. Anything else is not expected and is rethrown.
     */
    static void show(Messages messages, RuntimeException e) {
        if (e instanceof HostingRefusedException refused) {
            messages.error("refused." + refused.reason(), refused.detail() == null ? "" : refused.detail());
            return;
        }
        if (e instanceof EJBAccessException) {
            messages.error("refused.FORBIDDEN");
            return;
        }
        Set<ConstraintViolation<?>> violations = e instanceof EJBException ejb ? Messages.violationsOf(ejb) : null;
        if (violations != null) {
            for (ConstraintViolation<?> violation : violations) {
                messages.show(FacesMessage.SEVERITY_ERROR, Messages.localised(violation));
            }
            return;
        }
        throw e;
    }
}
