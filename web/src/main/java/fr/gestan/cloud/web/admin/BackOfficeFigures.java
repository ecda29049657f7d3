package fr.gestan.cloud.web.admin;

import fr.gestan.cloud.compliance.api.StoredReportSummary;
import fr.gestan.cloud.hosting.api.DataCentreView;
import fr.gestan.cloud.hosting.api.IncidentView;
import fr.gestan.cloud.hosting.api.ServerView;
import fr.gestan.cloud.security.api.AgreementView;
import fr.gestan.cloud.security.api.JournalEntryView;
import fr.gestan.cloud.security.api.ServerControls.ControlView;
import fr.gestan.cloud.security.api.ServerIdentities.AlertView;
import java.util.List;

/**
 * What the back-office dashboard's tiles show, read by one call ({@link BackOfficeDashboard#read}) for one view:
 * the tenants' count and the requests waiting (tenants' tiles), the data centres, every server, the open incidents and
 * the servers in alert (hosting's tiles), the stored compliance report's summary, and the security tile's expiring
 * agreements, failing controls and server-access alerts; the latest journal entries only for those who may read them
 * (else empty).
 */
public record BackOfficeFigures(long tenantCount, long pendingRequests, List<DataCentreView> dataCentres, List<ServerView> servers,
        List<IncidentView> openIncidents, List<ServerView> alerts, StoredReportSummary compliance, List<JournalEntryView> latestJournal,
        List<AgreementView> expiringAgreements, List<ControlView> failingControls, List<AlertView> serverAccessAlerts) {
}
