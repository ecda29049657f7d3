package fr.gestan.cloud.web.tenants.rest;

import fr.gestan.cloud.web.http.rest.Problems;
import fr.gestan.cloud.tenants.api.AccountNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An unknown hosted account, or another tenant's: 404, the same answer for both. */
@Provider
public class AccountNotFoundMapper implements ExceptionMapper<AccountNotFoundException> {

    @Override
    public Response toResponse(AccountNotFoundException exception) {
        return Problems.error(Response.Status.NOT_FOUND, "not-found");
    }
}
