/*!
A string-keyed hash map that keeps all its keys in one buffer.

The gazetteer indexes over a million name keys. A map of boxed strings pays an
allocation per key and scatters the keys over the heap, which makes loading
slow and lookups miss the cache; here every key is appended to one `String`
and the table holds, in its buckets, each key's place in the buffer beside its
value, so that a lookup reads the table and the key's bytes and nothing else.
*/

use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use rustc_hash::FxBuildHasher;

/// One key: its place in the buffer, and its value.
#[derive(Clone, Debug)]
struct Slot<V> {
    start: u32,
    len: u32,
    value: V,
}

impl<V> Slot<V> {
    fn range(&self) -> Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

/// A map from strings to `V`, with its keys in one buffer.
#[derive(Clone, Debug)]
pub struct ArenaMap<V> {
    keys: String,
    table: HashTable<Slot<V>>,
}

impl<V> Default for ArenaMap<V> {
    fn default() -> Self {
        ArenaMap {
            keys: String::new(),
            table: HashTable::new(),
        }
    }
}

fn hash_of(key: &str) -> u64 {
    FxBuildHasher.hash_one(key)
}

impl<V> ArenaMap<V> {
    /// Room for `n_keys` keys of about `key_bytes` bytes in all.
    pub fn reserve(&mut self, n_keys: usize, key_bytes: usize) {
        self.keys.reserve(key_bytes);
        let keys = &self.keys;
        self.table
            .reserve(n_keys, |slot| hash_of(&keys[slot.range()]));
    }

    /// The value of a key.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.table
            .find(hash_of(key), |slot| &self.keys[slot.range()] == key)
            .map(|slot| &slot.value)
    }

    /// The value of a key, made with `make` when the key is new.
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> &mut V {
        let keys = &self.keys;
        let entry = self.table.entry(
            hash_of(key),
            |slot| &keys[slot.range()] == key,
            |slot| hash_of(&keys[slot.range()]),
        );
        match entry {
            Entry::Occupied(occupied) => &mut occupied.into_mut().value,
            Entry::Vacant(vacant) => {
                let slot = Slot {
                    start: self.keys.len() as u32,
                    len: key.len() as u32,
                    value: make(),
                };
                self.keys.push_str(key);
                &mut vacant.insert(slot).into_mut().value
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_and_updated() {
        let mut map: ArenaMap<u32> = ArenaMap::default();
        map.reserve(2, 10);
        *map.get_or_insert_with("bhamo", || 1) += 10;
        *map.get_or_insert_with("mansi", || 2) += 0;
        *map.get_or_insert_with("bhamo", || 99) += 1;
        for n in 0..1000 {
            map.get_or_insert_with(&format!("village {n}"), || n);
        }
        assert_eq!(map.get("bhamo"), Some(&12));
        assert_eq!(map.get("mansi"), Some(&2));
        assert_eq!(map.get("village 999"), Some(&999));
        assert_eq!(map.get("lashio"), None);
        assert_eq!(map.table.len(), 1002);
    }
}
