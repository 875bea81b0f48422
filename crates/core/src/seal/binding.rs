//! What a sealed value belongs to, fed to the cipher as associated data.

/// Where a sealed value lives. The same bytes sealed for one place do not open in another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding<'a> {
    /// A candidate's identity fields, by team and candidate code.
    Identity { team: &'a str, candidate: &'a str },
    /// The unredacted text of one piece of material.
    Original { team: &'a str, material: i64 },
    /// The team's Ed25519 signing key.
    SigningKey { team: &'a str },
    /// The team's data key, wrapped for one member.
    Slot { team: &'a str, member: i64 },
    /// The team's `age` identity, which opens score packages.
    Recipient { team: &'a str },
    /// An assessor's personal signing key on their own laptop, by team and member id.
    PersonalKey { team: &'a str, member: &'a str },
    /// The data key of that personal key, wrapped by the assessor's passphrase.
    PersonalSlot { team: &'a str, member: &'a str },
}

impl Binding<'_> {
    /// A fixed label per kind, then the fields, each ended by a zero byte (which none of
    /// them contains), so no two bindings give the same bytes.
    pub(crate) fn bytes(&self) -> Vec<u8> {
        let fields = match *self {
            Binding::Identity { team, candidate } => {
                ["maatstaf/identity/1", team, candidate].join("\0")
            }
            Binding::Original { team, material } => {
                format!("maatstaf/original/1\0{team}\0{material}")
            }
            Binding::SigningKey { team } => format!("maatstaf/signing-key/1\0{team}"),
            Binding::Slot { team, member } => format!("maatstaf/key-slot/1\0{team}\0{member}"),
            Binding::Recipient { team } => format!("maatstaf/recipient/1\0{team}"),
            Binding::PersonalKey { team, member } => {
                ["maatstaf/personal-key/1", team, member].join("\0")
            }
            Binding::PersonalSlot { team, member } => {
                ["maatstaf/personal-slot/1", team, member].join("\0")
            }
        };
        let mut out = fields.into_bytes();
        out.push(0);
        out
    }
}
