//! A whole unit acknowledging one document in one step: the request names the unit and the
//! document, and becomes one acknowledgement per person of the unit deployed on the day — each
//! its own entry of the log, all recorded together or none.

use super::{NewAcknowledgement, PersonView};
use crate::text::{check_country, check_date, check_slug, check_text};
use crate::{DomainError, ValidationErrors};
use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

/// Everyone of a unit acknowledges one document version on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitAcknowledgement {
    /// Mission slug.
    pub mission: String,
    /// The unit's contributor (ISO 3166-1 alpha-3).
    #[cfg_attr(feature = "openapi", schema(value_type = crate::clocks::CountryCode))]
    pub country: String,
    /// The unit, as its people are registered.
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub unit: String,
    /// The document version (its record id).
    pub document: Uuid,
    /// Date signed.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub on: Date,
}

impl UnitAcknowledgement {
    /// Field-level checks.
    pub fn validate(&self) -> Result<(), DomainError> {
        let mut e = ValidationErrors::default();
        check_slug("mission", &self.mission, &mut e);
        check_country("country", &self.country, &mut e);
        check_text("unit", &self.unit, 200, &mut e);
        check_date("on", self.on, &mut e);
        e.into_result()
    }

    /// One acknowledgement per person of the unit deployed on the day who has not yet
    /// acknowledged this document version; refused when nobody is left to acknowledge it.
    pub fn acknowledgements(
        &self,
        people: &[PersonView],
    ) -> Result<Vec<NewAcknowledgement>, DomainError> {
        self.validate()?;
        let of_unit: Vec<&PersonView> = people
            .iter()
            .filter(|p| {
                p.mission == self.mission
                    && p.country.eq_ignore_ascii_case(&self.country)
                    && p.unit.trim() == self.unit.trim()
                    && p.deployed_on(self.on)
            })
            .collect();
        let mut e = ValidationErrors::default();
        if of_unit.is_empty() {
            e.add("unit", "nobody of this unit is deployed on that day");
            return Err(DomainError::Invalid(e));
        }
        let to_sign: Vec<NewAcknowledgement> = of_unit
            .into_iter()
            .filter(|p| {
                !p.acknowledgements
                    .iter()
                    .any(|a| a.document == self.document)
            })
            .map(|p| NewAcknowledgement {
                person: p.id,
                document: self.document,
                on: self.on,
            })
            .collect();
        if to_sign.is_empty() {
            e.add(
                "document",
                "everyone of this unit has already acknowledged this document",
            );
            return Err(DomainError::Invalid(e));
        }
        Ok(to_sign)
    }
}
