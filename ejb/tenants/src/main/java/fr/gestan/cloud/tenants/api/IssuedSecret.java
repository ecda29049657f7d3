package fr.gestan.cloud.tenants.api;

/** A freshly generated secret, returned once to the support member who created or reset the account. */
public record IssuedSecret(HostedAccountView account, String secret) {

    @Override
    public String toString() {
        return "IssuedSecret[account=" + account.login() + ", secret=(hidden)]";
    }
}
