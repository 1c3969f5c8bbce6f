//! The values every capability shares: the [`Named`] trait of the record's enumerations,
//! classification (who may see a record), roles (who a login is), and personnel categories.

/// The enumerations of the record (strum derives their names): every value in order, and the
/// stable snake_case name each has in JSON, the database and data files.
pub trait Named: Copy + 'static + strum::VariantArray + Into<&'static str> {
    /// Every value, in declaration order.
    const ALL: &'static [Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The value's stable name.
    fn as_str(self) -> &'static str {
        self.into()
    }
}

impl<T: Copy + 'static + strum::VariantArray + Into<&'static str>> Named for T {}

/// The error of parsing a name that no value of `T` has: what was given and what is accepted.
pub fn unknown_value<T: strum::VariantNames>(s: &str) -> String {
    format!(
        "unknown value {s:?}; expected one of: {}",
        T::VARIANTS.join(", ")
    )
}

/// Declares one of the record's closed lists of values. Each value has one snake_case name,
/// the same in JSON, the database, data files, query strings and the OpenAPI document, and
/// parsing a name no value has says which names there are ([`unknown_value`]). The derives
/// that promise this are written here once rather than on every list.
#[macro_export]
macro_rules! vocabulary {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($body:tt)* }) => {
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            PartialOrd,
            Ord,
            ::serde::Serialize,
            ::serde::Deserialize,
            ::strum::EnumString,
            ::strum::IntoStaticStr,
            ::strum::Display,
            ::strum::VariantArray,
            ::strum::VariantNames,
        )]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        #[strum(
            serialize_all = "snake_case",
            parse_err_ty = String,
            parse_err_fn = $crate::unknown_value::<$name>
        )]
        $(#[$meta])*
        $vis enum $name { $($body)* }
    };
}

crate::vocabulary! {
    /// Who may see a record. Ordered: public < mission < restricted.
    pub enum Classification {
        /// Anyone, including anonymous visitors.
        Public,
        /// Mission staff with a login.
        Mission,
        /// Only roles with a need to know.
        Restricted,
    }
}

impl Classification {
    /// Numeric rank used for filtering in queries (`rank <= clearance`).
    pub fn rank(self) -> i64 {
        match self {
            Classification::Public => 0,
            Classification::Mission => 1,
            Classification::Restricted => 2,
        }
    }
}

crate::vocabulary! {
    /// What a user may do. Roles are not ranked: each has its own rights (see [`crate::access`]).
    pub enum Role {
        /// Reads mission-level data.
        Viewer,
        /// Reads and records force generation, mandates, funding and sources.
        Editor,
        /// Manages users and reads the audit of restricted reads.
        Admin,
        /// Keeps the personnel register and vetting; reads its restricted data.
        HrOfficer,
        /// Keeps the use-of-force, detention, complaint and case registers; reads their
        /// restricted data.
        ConductOfficer,
        /// A contingent commander: their own contributor's people and reports.
        Commander,
    }
}

impl Role {
    /// The highest classification of ordinary records this role may read. Restricted data of
    /// the accountability registers is decided per register by [`crate::access::Access`].
    pub fn clearance(self) -> Classification {
        match self {
            Role::Admin => Classification::Restricted,
            _ => Classification::Mission,
        }
    }

    /// Whether the role records force generation, mandates, funding and sources.
    pub fn records_force_generation(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }

    /// Whether the role belongs to one contributor (and needs a country).
    pub fn needs_country(self) -> bool {
        self == Role::Commander
    }
}

/// The clearance of a caller that may be anonymous.
pub fn clearance_of(role: Option<Role>) -> Classification {
    role.map_or(Classification::Public, Role::clearance)
}

crate::vocabulary! {
    /// Personnel categories used in pledges, deployments and ceilings.
    pub enum Category {
        /// Formed police units and individual police officers.
        Police,
        /// Soldiers, including military police.
        Military,
        /// Civilian staff.
        Civilian,
    }
}
