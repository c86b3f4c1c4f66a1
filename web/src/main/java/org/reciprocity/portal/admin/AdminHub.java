package org.reciprocity.portal.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's start: one line for each thing they look after. Kept to admins by SecurityConfiguration. */
@Controller
class AdminHub {

    @GetMapping("/admin")
    String hub() {
        return "admin/hub";
    }
}
