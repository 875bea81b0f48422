//! Everything scoring can refuse, with the message a user reads in Dutch and English.

use serde::Serialize;
use ts_rs::TS;

use super::is_blank;
use crate::i18n::Text;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[error("{}", self.message().en)]
#[ts(export)]
pub enum ScoringError {
    // Who may do what.
    ChairOnly,
    ChairOrSecretaryOnly,
    NotParticipant,
    NotYourSheet,
    // Round lifecycle.
    RoundNotOpen,
    NotAllSubmitted {
        missing: u32,
    },
    NothingToReveal,
    AlreadyRevealed,
    NotRevealed,
    SeedReused,
    NotConsecutive,
    // Setting up a round.
    NoCandidates,
    NoAssessors,
    BadCode {
        candidate: String,
    },
    AnswerWithoutCriterion {
        candidate: String,
    },
    DuplicateCandidate {
        candidate: String,
    },
    DuplicateAssessor {
        id: String,
    },
    RoleCannotScore {
        id: String,
    },
    RubricNotScorable {
        problem: RubricProblem,
    },
    NobodyLeftToScore {
        candidate: String,
    },
    // Posts.
    NoPosts,
    DuplicatePost {
        post: String,
    },
    BadPostId {
        post: String,
    },
    BadPostName {
        post: String,
    },
    PostRubricNotScorable {
        post: String,
        problem: RubricProblem,
    },
    PostScalesDiffer {
        post: String,
    },
    PostCriterionDiffers {
        criterion: String,
        post: String,
    },
    UnknownPost {
        post: String,
    },
    // Filling in a sheet.
    UnknownCandidate {
        candidate: String,
    },
    UnknownCriterion {
        id: String,
    },
    UnknownAssessor {
        id: String,
    },
    Excluded {
        candidate: String,
    },
    LevelOutOfScale {
        level: u8,
        min: u8,
        max: u8,
    },
    EvidenceRequired {
        candidate: String,
        criterion: String,
    },
    EvidenceTooLong {
        max: u32,
    },
    ReasonTooLong {
        max: u32,
    },
    Incomplete {
        missing: u32,
    },
    SheetLocked,
    WrongRound {
        sheet: u32,
        round: u32,
    },
    WrongPreviousSheet,
    RevisionReasonRequired {
        candidate: String,
        criterion: String,
    },
    MissingTimestamp,
    // Stored data that does not add up.
    DuplicateSheet {
        assessor: String,
    },
    RubricChanged,
    Tampered,
    // Decision and unblinding.
    EmptyDecision,
    BadPortfolio {
        portfolio: String,
    },
    DecisionReasonRequired {
        portfolio: String,
    },
    DecisionAlreadyRecorded,
    /// The decision is recorded: no round opens after it.
    RoundAfterDecision,
    NoDecisionYet,
    AlreadyUnblinded,
}

/// Why a rubric cannot be scored on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
#[ts(export)]
pub enum RubricProblem {
    NoCriteria,
    ScaleTooSmall,
    CriterionIds,
    Weights { sum: u32 },
    Knockout { criterion: String },
}

impl RubricProblem {
    pub fn message(&self) -> Text {
        match self {
            RubricProblem::NoCriteria => Text::new("het heeft geen criteria", "it has no criteria"),
            RubricProblem::ScaleTooSmall => Text::new(
                "de schaal heeft minder dan twee niveaus",
                "the scale has fewer than two levels",
            ),
            RubricProblem::CriterionIds => Text::new(
                "de criteria hebben geen unieke, niet-lege id's",
                "the criteria do not have unique, non-blank ids",
            ),
            RubricProblem::Weights { sum } => Text::new(
                format!("de gewichten tellen op tot {sum} in plaats van 100"),
                format!("the weights add up to {sum} instead of 100"),
            ),
            RubricProblem::Knockout { criterion } => Text::new(
                format!("het knock-outniveau van '{criterion}' ligt niet boven het laagste niveau van de schaal"),
                format!("the knockout level of '{criterion}' does not lie above the scale's lowest level"),
            ),
        }
    }
}

impl ScoringError {
    /// The message for the person who tried, in both languages.
    pub fn message(&self) -> Text {
        use ScoringError as E;
        match self {
            E::ChairOnly => Text::new(
                "Alleen de voorzitter mag dit doen.",
                "Only the chair may do this.",
            ),
            E::ChairOrSecretaryOnly => Text::new(
                "Alleen de voorzitter of secretaris mag dit doen.",
                "Only the chair or the secretary may do this.",
            ),
            E::NotParticipant => Text::new(
                "U neemt niet deel aan deze beoordelingsronde.",
                "You are not taking part in this scoring round.",
            ),
            E::NotYourSheet => Text::new(
                "Dit is niet uw scoreformulier.",
                "This is not your score sheet.",
            ),
            E::RoundNotOpen => Text::new(
                "Deze ronde is niet meer open.",
                "This round is no longer open.",
            ),
            E::NotAllSubmitted { missing } => Text::new(
                if *missing == 1 {
                    "Eén beoordelaar heeft nog niet ingeleverd. Wacht tot iedereen heeft ingeleverd, of sluit de ronde als iemand niet kan; wie niet inleverde, wordt dan als ontbrekend vastgelegd.".to_owned()
                } else {
                    format!("{missing} beoordelaars hebben nog niet ingeleverd. Wacht tot iedereen heeft ingeleverd, of sluit de ronde als iemand niet kan; wie niet inleverde, wordt dan als ontbrekend vastgelegd.")
                },
                if *missing == 1 {
                    "One assessor has not submitted yet. Wait until everyone has, or close the round if someone cannot; whoever did not submit is then recorded as missing.".to_owned()
                } else {
                    format!("{missing} assessors have not submitted yet. Wait until everyone has, or close the round if someone cannot; whoever did not submit is then recorded as missing.")
                },
            ),
            E::NothingToReveal => Text::new(
                "Er is nog geen enkel scoreformulier ingediend.",
                "No score sheet has been submitted yet.",
            ),
            E::AlreadyRevealed => Text::new(
                "Deze ronde is al vrijgegeven.",
                "This round has already been revealed.",
            ),
            E::NotRevealed => Text::new(
                "Dit kan pas nadat de ronde is vrijgegeven.",
                "This is only possible after the round has been revealed.",
            ),
            E::SeedReused => Text::new(
                "Een nieuwe ronde heeft een nieuwe willekeurige volgorde nodig.",
                "A new round needs a new random order.",
            ),
            E::NotConsecutive => Text::new(
                "Deze rondes volgen niet op elkaar.",
                "These rounds do not follow one another.",
            ),
            E::NoPosts => Text::new(
                "Deze ronde heeft geen posten. Kies minstens één post.",
                "This round has no posts. Choose at least one post.",
            ),
            E::DuplicatePost { post } => Text::new(
                format!("De post '{post}' staat er twee keer in. Kies elke post één keer."),
                format!("The post '{post}' is listed twice. Choose each post once."),
            ),
            E::BadPostId { post } => Text::new(
                format!("'{post}' is geen geldige korte naam voor een post (kleine letters, cijfers en '-', hoogstens {} tekens).", super::MAX_POST_CHARS),
                format!("'{post}' is not a valid short name for a post (lower-case letters, digits and '-', at most {} characters).", super::MAX_POST_CHARS),
            ),
            E::BadPostName { post } if is_blank(post) => Text::new(
                format!("Vul de naam van de post in (hoogstens {} tekens).", super::MAX_POST_CHARS),
                format!("Fill in the name of the post (at most {} characters).", super::MAX_POST_CHARS),
            ),
            E::BadPostName { post } => Text::new(
                format!("Vul de naam van post '{post}' in (hoogstens {} tekens).", super::MAX_POST_CHARS),
                format!("Fill in the name of post '{post}' (at most {} characters).", super::MAX_POST_CHARS),
            ),
            E::PostRubricNotScorable { post, problem } => {
                let p = problem.message();
                Text::new(
                    format!("Met de beoordelingsmatrix van post '{post}' kan niet worden gescoord: {}.", p.nl),
                    format!("The rubric of post '{post}' cannot be scored on: {}.", p.en),
                )
            }
            E::PostScalesDiffer { post } => Text::new(
                format!("Post '{post}' gebruikt een andere schaal dan de eerste post. Posten die samen worden gescoord, hebben dezelfde schaal."),
                format!("Post '{post}' uses a different scale from the first post. Posts scored together share one scale."),
            ),
            E::PostCriterionDiffers { criterion, post } => Text::new(
                format!("Het criterium '{criterion}' van post '{post}' verschilt van het criterium met die naam bij een andere post. Een criterium dat posten delen, wordt één keer gescoord en moet dus bij elke post hetzelfde zijn (alleen het gewicht mag verschillen)."),
                format!("The criterion '{criterion}' of post '{post}' differs from the criterion with that id in another post. A criterion posts share is scored once, so it must be the same in every post (only its weight may differ)."),
            ),
            E::UnknownPost { post } => Text::new(
                format!("De post '{post}' hoort niet bij deze ronde."),
                format!("The post '{post}' is not part of this round."),
            ),
            E::NoCandidates => Text::new(
                "Een ronde heeft minstens één kandidaat nodig.",
                "A round needs at least one candidate.",
            ),
            E::NoAssessors => Text::new(
                "Een ronde heeft minstens één beoordelaar nodig.",
                "A round needs at least one assessor.",
            ),
            E::BadCode { candidate: code } => Text::new(
                format!("'{code}' is geen geldige kandidaatcode (letters, cijfers en '-', hoogstens {} tekens).", super::MAX_CODE_CHARS),
                format!("'{code}' is not a valid candidate code (letters, digits and '-', at most {} characters).", super::MAX_CODE_CHARS),
            ),
            E::AnswerWithoutCriterion { candidate } => Text::new(
                format!("Een schriftelijk antwoord van {candidate} hoort bij geen enkel criterium."),
                format!("A written answer of {candidate} belongs to no criterion."),
            ),
            E::DuplicateCandidate { candidate: code } => Text::new(
                format!("Kandidaat {code} staat twee keer in de ronde."),
                format!("Candidate {code} is in the round twice."),
            ),
            E::DuplicateAssessor { id } => Text::new(
                format!("Beoordelaar {id} staat twee keer in de ronde."),
                format!("Assessor {id} is in the round twice."),
            ),
            E::RoleCannotScore { id } => Text::new(
                format!("{id} heeft een rol die niet scoort."),
                format!("{id} has a role that does not score."),
            ),
            E::RubricNotScorable { problem } => {
                let p = problem.message();
                Text::new(
                    format!("Met deze beoordelingsmatrix kan niet worden gescoord: {}.", p.nl),
                    format!("This rubric cannot be scored on: {}.", p.en),
                )
            }
            E::NobodyLeftToScore { candidate } => Text::new(
                format!("Alle beoordelaars zijn uitgesloten voor {candidate}; niemand kan deze kandidaat scoren."),
                format!("Every assessor is excluded for {candidate}; nobody can score this candidate."),
            ),
            E::UnknownCandidate { candidate: code } => Text::new(
                format!("Kandidaat {code} hoort niet bij deze ronde."),
                format!("Candidate {code} is not part of this round."),
            ),
            E::UnknownCriterion { id } => Text::new(
                format!("Criterium '{id}' staat niet in de beoordelingsmatrix."),
                format!("Criterion '{id}' is not in the rubric."),
            ),
            E::UnknownAssessor { id } => Text::new(
                format!("'{id}' is geen beoordelaar in deze ronde."),
                format!("'{id}' is not an assessor in this round."),
            ),
            E::Excluded { candidate } => Text::new(
                format!("U bent uitgesloten van het scoren van {candidate} (belangenconflict)."),
                format!("You are excluded from scoring {candidate} (conflict of interest)."),
            ),
            E::LevelOutOfScale { level, min, max } => Text::new(
                format!("Niveau {level} ligt buiten de schaal {min}–{max}."),
                format!("Level {level} lies outside the scale {min}–{max}."),
            ),
            E::EvidenceRequired { candidate, criterion } => Text::new(
                format!("Schrijf bij {candidate}, '{criterion}' op wat u zag of las dat dit niveau onderbouwt."),
                format!("For {candidate}, '{criterion}', write down what you saw or read that supports this level."),
            ),
            E::EvidenceTooLong { max } => Text::new(
                format!("Een onderbouwing is hoogstens {max} tekens."),
                format!("Evidence notes are at most {max} characters."),
            ),
            E::ReasonTooLong { max } => Text::new(
                format!("Een reden is hoogstens {max} tekens."),
                format!("A reason is at most {max} characters."),
            ),
            E::Incomplete { missing } => Text::new(
                if *missing == 1 {
                    "Nog één cel zonder niveau of onderbouwing; vul die eerst in.".to_owned()
                } else {
                    format!("Nog {missing} cellen zonder niveau of onderbouwing; vul die eerst in.")
                },
                format!("{missing} cell(s) still lack a level or evidence note; fill them in first."),
            ),
            E::SheetLocked => Text::new(
                "Dit scoreformulier is ingediend en kan niet meer worden gewijzigd.",
                "This score sheet has been submitted and can no longer be changed.",
            ),
            E::WrongRound { sheet, round } => Text::new(
                format!("Dit scoreformulier hoort bij ronde {sheet}, niet bij ronde {round}."),
                format!("This score sheet belongs to round {sheet}, not round {round}."),
            ),
            E::WrongPreviousSheet => Text::new(
                "Het formulier van de vorige ronde hoort niet bij deze beoordelaar of ronde.",
                "The previous round's sheet does not belong to this assessor or round.",
            ),
            E::RevisionReasonRequired { candidate, criterion } => Text::new(
                format!("Uw niveau voor {candidate}, '{criterion}' wijkt af van de vorige ronde; geef de reden."),
                format!("Your level for {candidate}, '{criterion}' differs from the previous round; give the reason."),
            ),
            E::MissingTimestamp => Text::new(
                "Het tijdstip ontbreekt.",
                "The time is missing.",
            ),
            E::DuplicateSheet { assessor } => Text::new(
                format!("Er zijn twee scoreformulieren van {assessor} in deze ronde; de gegevens kloppen niet."),
                format!("There are two score sheets by {assessor} in this round; the data is inconsistent."),
            ),
            E::RubricChanged => Text::new(
                "De beoordelingsmatrix van de ronde is gewijzigd na het vastleggen.",
                "The round's rubric was changed after it was frozen.",
            ),
            E::Tampered => Text::new(
                "De opgeslagen ronde klopt niet met haar eigen gegevens.",
                "The stored round does not match its own data.",
            ),
            E::EmptyDecision => Text::new(
                "Een besluit noemt minstens één portefeuille.",
                "A decision names at least one portfolio.",
            ),
            E::BadPortfolio { portfolio } if is_blank(portfolio) => Text::new(
                "Vul de naam van de portefeuille in.",
                "Fill in the name of the portfolio.",
            ),
            E::BadPortfolio { portfolio } => Text::new(
                format!("De portefeuille '{portfolio}' staat er twee keer in. Noem elke portefeuille één keer."),
                format!("The portfolio '{portfolio}' is listed twice. Name each portfolio once."),
            ),
            E::DecisionReasonRequired { portfolio } => Text::new(
                format!("Geef de reden voor de keuze voor portefeuille '{portfolio}'."),
                format!("Give the reason for the choice for portfolio '{portfolio}'."),
            ),
            E::DecisionAlreadyRecorded => Text::new(
                "Er is al een besluit vastgelegd.",
                "A decision has already been recorded.",
            ),
            E::RoundAfterDecision => Text::new(
                "Het besluit is al vastgelegd. Daarna opent er geen nieuwe ronde meer.",
                "The decision has been recorded. No new round opens after it.",
            ),
            E::NoDecisionYet => Text::new(
                "De kandidaten worden pas zichtbaar nadat een besluit is vastgelegd.",
                "Candidates are only unblinded after a decision has been recorded.",
            ),
            E::AlreadyUnblinded => Text::new(
                "De kandidaten zijn al zichtbaar gemaakt.",
                "The candidates have already been unblinded.",
            ),
        }
    }
}
