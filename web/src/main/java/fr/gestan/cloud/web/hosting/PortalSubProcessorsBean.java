package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.ChangeAnswer;
import fr.gestan.cloud.hosting.api.MyChangeView;
import fr.gestan.cloud.hosting.api.SubProcessorChanges;
import fr.gestan.cloud.web.i18n.Bundle;
import fr.gestan.cloud.web.i18n.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The client's sub-processor changes (GDPR art. 28(2)): each one it was told of, accepted or objected to with a comment. */
@Named
@ViewScoped
public class PortalSubProcessorsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    fr.gestan.cloud.security.api.SecurityPolicies policies;
    @EJB
    SubProcessorChanges changes;
    @Inject
    @Bundle("hmsg")
    Messages messages;

    private List<MyChangeView> mine;
    /** The comment typed for each change, by change id. */
    private final Map<Long, String> comments = new HashMap<>();

    @PostConstruct
    void load() {
        mine = changes.mine();
    }

    public void accept(long changeId) {
        answer(changeId, ChangeAnswer.ACCEPTED);
    }

    public void object(long changeId) {
        answer(changeId, ChangeAnswer.OBJECTED);
    }

    private void answer(long changeId, ChangeAnswer answer) {
        try {
            MyChangeView answered = changes.answer(changeId, answer, comments.get(changeId));
            messages.info("portal.subprocessors." + answer, answered.change().name());
            comments.remove(changeId);
            load();
        } catch (RuntimeException e) {
            Refusals.show(messages, e);
        }
    }

    /** The objection period of the security policy in effect (the one the notices print and the answers enforce). */
    public int getObjectionDays() {
        return policies.current().settings().objectionDays();
    }

    public List<MyChangeView> getMine() {
        return mine;
    }

    public Map<Long, String> getComments() {
        return comments;
    }
}
