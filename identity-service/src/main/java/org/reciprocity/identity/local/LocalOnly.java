package org.reciprocity.identity.local;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The guard of the local helpers: on only when the local platform says so (RECIPROCITY_LOCAL=true)
 * AND the caller connects from this machine. The remote address is the socket's (forwarded headers
 * are not trusted), so a proxy in front cannot make a stranger look local.
 */
record LocalOnly(boolean enabled) {

    boolean allows(HttpServletRequest request) {
        return enabled && isLoopback(request.getRemoteAddr());
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.%\\[\\]]+")) {
            return false; // never resolve a name: only literal addresses
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
