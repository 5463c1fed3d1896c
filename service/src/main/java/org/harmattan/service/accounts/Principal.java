package org.harmattan.service.accounts;

import static java.util.Objects.requireNonNull;

import org.harmattan.engine.accounts.Role;

/**
 * Who made a request, once their credentials were checked.
 *
 * @param name the account name
 * @param role what they may do
 */
public record Principal(String name, Role role) {
  public Principal {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
  }
}
