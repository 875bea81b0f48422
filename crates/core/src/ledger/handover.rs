//! The hand-over of a team made before sealing: the installation key that signed its
//! exports until then signs, in the log, the team key that signs them from then on.

use ed25519_dalek::{Signature, Signer, Verifier};
use serde_json::Value;

use super::keys::{public_key_hex, verifying_key_from_hex, SigningKey};
use super::{Entry, EntryKind};

/// What the installation key signs: the team, the chain head before the hand-over and
/// the new key's fingerprint, each ended by a zero byte.
fn message(team_uid: &str, head: &str, fingerprint: &str) -> Vec<u8> {
    format!("maatstaf/hand-over/1\0{team_uid}\0{head}\0{fingerprint}\0").into_bytes()
}

/// The payload fields `installation_key` and `handover_signature` of a `team_sealed`
/// entry written after `head`.
pub fn sign_handover(
    installation: &SigningKey,
    team_uid: &str,
    head: &str,
    fingerprint: &str,
) -> (String, String) {
    let signature = installation.sign(&message(team_uid, head, fingerprint));
    (
        public_key_hex(&installation.verifying_key()),
        hex::encode(signature.to_bytes()),
    )
}

/// Whether a `team_sealed` entry's hand-over signature holds. Entries of other kinds,
/// and a team sealed from its creation (no signature), pass.
pub fn handover_holds(entry: &Entry) -> bool {
    if entry.kind != EntryKind::TeamSealed {
        return true;
    }
    let field = |name: &str| entry.payload.get(name).and_then(Value::as_str);
    let (Some(uid), Some(fingerprint)) = (field("team_uid"), field("fingerprint")) else {
        return false;
    };
    let (Some(key), Some(signature)) = (field("installation_key"), field("handover_signature"))
    else {
        return false;
    };
    let Some(key) = verifying_key_from_hex(key) else {
        return false;
    };
    let Some(signature) = hex::decode(signature)
        .ok()
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
    else {
        return false;
    };
    key.verify(
        &message(uid, &entry.prev_hash, fingerprint),
        &Signature::from_bytes(&signature),
    )
    .is_ok()
}

/// The fingerprint of the key the team's own log says signs its exports: from the
/// team's first entry or its latest hand-over. None for a log from before sealing.
pub fn declared_fingerprint(entries: &[Entry]) -> Option<&str> {
    entries
        .iter()
        .rev()
        .filter(|e| matches!(e.kind, EntryKind::TeamCreated | EntryKind::TeamSealed))
        .find_map(|e| e.payload.get("fingerprint").and_then(Value::as_str))
}
