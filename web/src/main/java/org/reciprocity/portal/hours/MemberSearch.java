package org.reciprocity.portal.hours;

import java.util.ArrayList;
import java.util.List;
import org.reciprocity.portal.services.Dtos.DirectoryEntry;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/** Finds members by name for the pages that name another member (log hours, give hours). */
@Component
public class MemberSearch {

    private final Services services;
    private final Names names;

    MemberSearch(Services services, Names names) {
        this.services = services;
        this.names = names;
    }

    /** Members whose name matches, as any member may see them; an exact member id is found too. */
    public List<DirectoryEntry> find(SignedIn me, String name) {
        String wanted = name == null ? "" : name.strip();
        List<DirectoryEntry> found = new ArrayList<>();
        if (wanted.length() < 2) {
            return found;
        }
        try {
            found.addAll(services.directory(me.timebankId(), wanted));
        } catch (ServiceRefusal | ResourceAccessException noDirectory) {
            // a matching-service without the directory: the exact id below still works
        }
        if (found.isEmpty() && wanted.matches("[A-Za-z0-9._:-]{1,100}")) {
            String known = names.name(me.timebankId(), wanted);
            if (!known.equals(wanted)) {
                found.add(new DirectoryEntry(wanted, known));
            }
        }
        found.removeIf(entry -> entry.memberId().equals(me.memberId()));
        return found;
    }

    public String nameOf(SignedIn me, String memberId) {
        return names.name(me.timebankId(), memberId);
    }
}
