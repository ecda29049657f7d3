package fr.gestan.cloud.it.modules;

import fr.gestan.cloud.tenants.api.ExportFiles;
import fr.gestan.cloud.tenants.api.TenantExportContributor;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A test module's contributor, deployed in its own EJB jar: for the tenant named by a system property it writes
 * half a file and fails, as a module whose database or disk fails mid-way would; for every other tenant it writes
 * nothing.
 */
@Stateless
@Local(TenantExportContributor.class)
@PermitAll
public class FailingExportContributor implements TenantExportContributor {

    public static final String SIREN_PROPERTY = "gestan.it.failing-export-siren";

    @Override
    public String folder() {
        return "zz-failing";
    }

    @Override
    public void contribute(String tenantSiren, ExportFiles files) throws IOException {
        if (tenantSiren.equals(System.getProperty(SIREN_PROPERTY))) {
            files.add("half.csv", out -> {
                out.write("a,b\r\n1,".getBytes(StandardCharsets.UTF_8));
                throw new IOException("simulated failure in the middle of a file");
            });
        }
    }
}
