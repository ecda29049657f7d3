package fr.gestan.cloud.web.notifications;

import fr.gestan.cloud.notifications.api.StatusSubscriptions;
import fr.gestan.cloud.notifications.api.SubscriptionRefusedException;
import fr.gestan.cloud.notifications.api.SubscriptionScope;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/** The status page's subscription form: an e-mail address and what to follow; the confirmation goes by e-mail.
 * Request-scoped, on a stateless page: the form posts all its fields, and no session is made for it. */
@Named
@RequestScoped
public class StatusSubscribeBean {

    static final String FORM = "subscribe";

    @EJB
    StatusSubscriptions subscriptions;
    @Inject
    @Bundle("nmsg")
    Messages messages;

    private String email;
    private SubscriptionScope scope = SubscriptionScope.ALL;
    private String scopeRef;
    private boolean sent;

    public void subscribe() {
        try {
            subscriptions.subscribeByEmail(email, scope, scopeRef);
            sent = true;
            messages.info("subscribe.sent");
        } catch (SubscriptionRefusedException e) {
            messages.fieldError(FORM, "scopeRef", "subscribe.unknownScope");
        } catch (EJBException e) {
            messages.fieldMessages(FORM, e, Map.of("subscribeByEmail.email", "email", "subscribeByEmail.scope", "scope",
                    "subscribeByEmail.scopeRef", "scopeRef"));
        }
    }

    public SubscriptionScope[] getScopes() {
        return SubscriptionScope.publicScopes();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public SubscriptionScope getScope() {
        return scope;
    }

    public void setScope(SubscriptionScope scope) {
        this.scope = scope;
    }

    public String getScopeRef() {
        return scopeRef;
    }

    public void setScopeRef(String scopeRef) {
        this.scopeRef = scopeRef;
    }

    public boolean isSent() {
        return sent;
    }
}
