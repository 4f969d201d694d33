//! `svc sync` against a real git server on loopback, three desks working offline.

use super::server::Team;

#[test]
fn every_desk_starts_from_the_servers_main() {
    let team = Team::start(|_| {});
    let main = team.server_head("main");
    for ws in team.desks() {
        assert_eq!(ws.head(), main);
    }
}
