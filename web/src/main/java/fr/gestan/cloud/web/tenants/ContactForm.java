package fr.gestan.cloud.web.tenants;

import fr.gestan.cloud.tenants.api.Contact;
import java.io.Serializable;

/** The editable fields of one contact in the tenant form. */
public class ContactForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String email;
    private String phone;

    static ContactForm of(Contact contact) {
        ContactForm form = new ContactForm();
        if (contact != null) {
            form.name = contact.name();
            form.email = contact.email();
            form.phone = contact.phone();
        }
        return form;
    }

    Contact toContact() {
        return new Contact(name, email, phone);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
