use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;

use super::*;

/// Cheap Argon2 costs: these tests are about what opens what, not about cost.
const FAST: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(7)
}

const TEAM: &str = "5f0c2a";

#[test]
fn sealed_bytes_open_only_with_the_same_key_for_the_same_place() {
    let mut rng = rng();
    let key = TeamKey::generate(&mut rng);
    let here = Binding::Identity {
        team: TEAM,
        candidate: "K-7F3",
    };
    let sealed = key.seal(here, "Fatima el Amrani".as_bytes(), &mut rng);
    assert!(
        !sealed.windows(6).any(|w| w == b"Fatima"),
        "the name is not in the sealed bytes"
    );
    assert_eq!(&key.open(here, &sealed).unwrap()[..], b"Fatima el Amrani");

    let other_candidate = Binding::Identity {
        team: TEAM,
        candidate: "K-R4M",
    };
    assert_eq!(
        key.open(other_candidate, &sealed),
        Err(SealError::CannotOpen)
    );
    let other_kind = Binding::Original {
        team: TEAM,
        material: 1,
    };
    assert_eq!(key.open(other_kind, &sealed), Err(SealError::CannotOpen));
    let other_key = TeamKey::generate(&mut rng);
    assert_eq!(other_key.open(here, &sealed), Err(SealError::CannotOpen));
}

#[test]
fn a_changed_byte_or_a_cut_value_does_not_open() {
    let mut rng = rng();
    let key = TeamKey::generate(&mut rng);
    let at = Binding::SigningKey { team: TEAM };
    let sealed = key.seal(at, &[9; 32], &mut rng);
    for i in 0..sealed.len() {
        let mut changed = sealed.clone();
        changed[i] ^= 1;
        assert!(key.open(at, &changed).is_err(), "byte {i} changed");
    }
    assert!(key.open(at, &sealed[..20]).is_err());
    assert!(key.open(at, &[]).is_err());
}

#[test]
fn sealing_twice_gives_different_bytes() {
    let mut rng = rng();
    let key = TeamKey::generate(&mut rng);
    let at = Binding::Original {
        team: TEAM,
        material: 4,
    };
    assert_ne!(
        key.seal(at, b"tekst", &mut rng),
        key.seal(at, b"tekst", &mut rng)
    );
}

#[test]
fn a_slot_opens_with_its_passphrase_for_its_member_only() {
    let mut rng = rng();
    let key = TeamKey::generate(&mut rng);
    let chair = Binding::Slot {
        team: TEAM,
        member: 1,
    };
    let slot = KeySlot::wrap(&key, "fiets molen kaas tulp", chair, FAST, &mut rng).unwrap();
    let opened = slot.open("fiets molen kaas tulp", chair).unwrap();
    let probe = Binding::SigningKey { team: TEAM };
    assert_eq!(
        &opened
            .open(probe, &key.seal(probe, b"x", &mut rng))
            .unwrap()[..],
        b"x"
    );

    assert_eq!(
        slot.open("fiets molen kaas tulpen", chair).unwrap_err(),
        SlotError::WrongPassphrase
    );
    let secretary = Binding::Slot {
        team: TEAM,
        member: 2,
    };
    assert_eq!(
        slot.open("fiets molen kaas tulp", secretary).unwrap_err(),
        SlotError::WrongPassphrase
    );
}

#[test]
fn a_passphrase_typed_in_another_unicode_form_still_opens() {
    let mut rng = rng();
    let key = TeamKey::generate(&mut rng);
    let at = Binding::Slot {
        team: TEAM,
        member: 1,
    };
    // "één" precomposed, then with combining accents.
    let slot = KeySlot::wrap(&key, "\u{e9}\u{e9}n twee drie vier", at, FAST, &mut rng).unwrap();
    assert!(slot.open("e\u{301}e\u{301}n twee drie vier", at).is_ok());
}

#[test]
fn a_slot_survives_storage_as_json_and_absurd_costs_are_refused() {
    let mut rng = rng();
    let key = TeamKey::generate(&mut rng);
    let at = Binding::Slot {
        team: TEAM,
        member: 3,
    };
    let slot = KeySlot::wrap(&key, "zomer schip lamp rivier", at, FAST, &mut rng).unwrap();
    let json = serde_json::to_string(&slot).unwrap();
    let back: KeySlot = serde_json::from_str(&json).unwrap();
    assert!(back.open("zomer schip lamp rivier", at).is_ok());

    let mut greedy = back.clone();
    greedy.kdf.m_kib = u32::MAX;
    assert_eq!(
        greedy.open("zomer schip lamp rivier", at).unwrap_err(),
        SlotError::Damaged
    );
}

#[test]
fn the_strong_setting_is_rfc_9106s_second_recommendation() {
    assert_eq!(
        KdfParams::STRONG,
        KdfParams {
            m_kib: 65536,
            t: 3,
            p: 4
        }
    );
}

#[test]
fn passphrases_need_length_or_words_and_must_not_be_guessable() {
    assert_eq!(
        check_passphrase("kort", "kort", &[]),
        Err(PassphraseError::TooShort)
    );
    // Four words in fewer than twelve characters pass the length rule (then the
    // guessing estimate decides), three do not.
    assert_ne!(
        strength("ui os pad uk", &[]).hint,
        PassphraseError::TooShort.text()
    );
    assert_eq!(
        strength("ui os padje", &[]).hint,
        PassphraseError::TooShort.text()
    );
    assert_eq!(
        check_passphrase("aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa", &[]),
        Err(PassphraseError::TooWeak)
    );
    assert_eq!(
        check_passphrase("password1234", "password1234", &[]),
        Err(PassphraseError::TooWeak)
    );
    assert_eq!(
        check_passphrase("fiets molen kaas tulp", "fiets molen kaas tulP", &[]),
        Err(PassphraseError::Mismatch)
    );
    assert_eq!(
        check_passphrase("fiets molen kaas tulp", "fiets molen kaas tulp", &[]),
        Ok(())
    );
}

#[test]
fn ones_own_name_makes_a_passphrase_weaker() {
    let plain = strength("Annemarie Jansen", &[]);
    let own = strength("Annemarie Jansen", &["Annemarie Jansen"]);
    assert!(
        own.level < plain.level || !own.acceptable,
        "{plain:?} {own:?}"
    );
    assert!(!own.acceptable);
}

#[test]
fn every_hint_is_written_in_both_languages() {
    for p in [
        "",
        "abc",
        "qwertyuiopasdf",
        "1234567890123",
        "19801981198219",
        "fiets molen kaas tulp",
        "Zwaluw-Kompas-Regen-7",
    ] {
        let s = strength(p, &["Jansen"]);
        assert!(!s.hint.nl.is_empty() && !s.hint.en.is_empty(), "{p}");
        assert_ne!(s.hint.nl, s.hint.en, "{p}");
    }
}
