/*!
What sort of place a gazetteer entry is, and the contract precision each sort has.

The kind comes from the source (a GeoNames populated place is a town, a MIMU
village a village) or from the alias layer; a generic word in the text
("Bhamo Township", "the village of X") asks for a kind too, and resolution
prefers entries of that kind.
*/

use serde::{Deserialize, Serialize};

use super::Precision;

/// The sort of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A continent, sea, gulf, mountain range or other large region without a government.
    Region,
    /// A sovereign country or territory with an ISO code.
    Country,
    /// A first-order division: state, region, province, oblast, governorate.
    Admin1,
    /// A district or self-administered zone (below admin1, above townships).
    District,
    /// A township, county or other second-order division.
    Township,
    /// A town or city.
    Town,
    /// A village or hamlet.
    Village,
    /// A ward or quarter of a town.
    Ward,
    /// A base, camp, bridge, airport, road or other spot.
    Point,
}

impl PlaceKind {
    /// Every kind, in order.
    pub const ALL: [PlaceKind; 9] = [
        PlaceKind::Region,
        PlaceKind::Country,
        PlaceKind::Admin1,
        PlaceKind::District,
        PlaceKind::Township,
        PlaceKind::Town,
        PlaceKind::Village,
        PlaceKind::Ward,
        PlaceKind::Point,
    ];

    /// The name used in resource files and output (`"township"`).
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Region => "region",
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::District => "district",
            PlaceKind::Township => "township",
            PlaceKind::Town => "town",
            PlaceKind::Village => "village",
            PlaceKind::Ward => "ward",
            PlaceKind::Point => "point",
        }
    }

    /// The kind a resource file names, if any.
    pub fn parse(name: &str) -> Option<PlaceKind> {
        PlaceKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
    }

    /// How exactly a place of this kind locates an event.
    pub fn precision(self) -> Precision {
        match self {
            PlaceKind::Country => Precision::Country,
            PlaceKind::Region | PlaceKind::Admin1 => Precision::Admin1,
            PlaceKind::District | PlaceKind::Township => Precision::Township,
            PlaceKind::Town => Precision::Town,
            PlaceKind::Village | PlaceKind::Ward | PlaceKind::Point => Precision::Point,
        }
    }

    /// True for the kinds a generic word can give a name the gazetteer lacks ("X village",
    /// "the towns of X and Y"): townships, towns, villages and wards.
    pub fn is_local_unit(self) -> bool {
        matches!(
            self,
            PlaceKind::Township | PlaceKind::Town | PlaceKind::Village | PlaceKind::Ward
        )
    }

    /// True for the kinds a generic word right after a name the gazetteer lacks gives it
    /// ("X village", "the X district", "the X region"): the local units, districts and
    /// regions, which news names by local or informal names no gazetteer holds.
    pub fn names_unknown_area(self) -> bool {
        self.is_local_unit()
            || matches!(
                self,
                PlaceKind::District | PlaceKind::Admin1 | PlaceKind::Region
            )
    }

    /// True for divisions with a government or administration of their own (the ones a
    /// name can stand for, as in "Beijing said").
    pub fn is_division(self) -> bool {
        matches!(
            self,
            PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::District | PlaceKind::Township
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_precisions_follow_the_contract() {
        for kind in PlaceKind::ALL {
            assert_eq!(PlaceKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(PlaceKind::parse("hamlet"), None);
        assert_eq!(PlaceKind::Township.precision(), Precision::Township);
        assert_eq!(PlaceKind::Village.precision(), Precision::Point);
        assert_eq!(PlaceKind::Town.precision(), Precision::Town);
    }
}
