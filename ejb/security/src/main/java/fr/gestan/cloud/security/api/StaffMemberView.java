package fr.gestan.cloud.security.api;

/** A staff member and the agreement that currently applies (the latest to expire), or null. */
public record StaffMemberView(String username, String displayName, String role, AgreementView agreement) implements java.io.Serializable {

    public boolean cleared() {
        return agreement != null && (agreement.state() == AgreementView.AgreementState.VALID
                || agreement.state() == AgreementView.AgreementState.EXPIRING);
    }
}
