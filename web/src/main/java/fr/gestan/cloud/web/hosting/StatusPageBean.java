package fr.gestan.cloud.web.hosting;

import fr.gestan.cloud.hosting.api.IncidentView;
import fr.gestan.cloud.hosting.api.PublicStatusBoard;
import fr.gestan.cloud.hosting.api.PublicStatusView;
import fr.gestan.cloud.hosting.api.ServerStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The public status page and its monthly archive (read-only, no sign-in). */
@Named
@RequestScoped
public class StatusPageBean {

    @EJB
    ServerStatus status;
    @EJB
    PublicStatusBoard board; // the same board for every visitor of the next seconds

    private PublicStatusView view;
    private String month;
    private YearMonth shownMonth;
    private List<IncidentView> archive;

    public PublicStatusView getView() {
        if (view == null) {
            view = board.current();
        }
        return view;
    }

    /** Called by f:viewAction on the archive page. */
    public void loadArchive() {
        try {
            shownMonth = month == null || month.isBlank() ? YearMonth.now() : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            shownMonth = YearMonth.now();
        }
        archive = status.archive(shownMonth);
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public YearMonth getShownMonth() {
        return shownMonth;
    }

    public String getPreviousMonth() {
        return shownMonth.minusMonths(1).toString();
    }

    public String getNextMonth() {
        return shownMonth.plusMonths(1).toString();
    }

    public List<IncidentView> getArchive() {
        return archive;
    }
}
