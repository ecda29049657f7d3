package fr.gestan.cloud.tenants.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A contact person of a tenant (administrative, billing or technical). */
public record Contact(
        @NotBlank(message = "{tenant.contact.name.required}")
        @Size(max = 200, message = "{tenant.contact.name.size}")
        String name,
        @NotBlank(message = "{tenant.contact.email.required}")
        @Email(message = "{tenant.contact.email.invalid}")
        @Size(max = 254, message = "{tenant.contact.email.invalid}")
        String email,
        @Pattern(regexp = PHONE, message = "{tenant.contact.phone.invalid}")
        String phone) implements java.io.Serializable {

    /** A French number (0X XX XX XX XX) or an international one (+ and 7 to 15 digits), spaces, dots or dashes allowed. */
    public static final String PHONE = "(0[1-9]([ .\\-]?[0-9]{2}){4})|(\\+[1-9]([ .\\-]?[0-9]){6,14})";

    /** True when nothing was entered (an optional contact left empty). */
    public boolean isEmpty() {
        return blank(name) && blank(email) && blank(phone);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
