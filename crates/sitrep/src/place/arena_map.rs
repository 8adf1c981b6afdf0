/*!
A string-keyed hash map that keeps all its keys in one buffer.

The gazetteer indexes over a million name keys. A map of boxed strings pays an
allocation per key and scatters the keys over the heap, which makes loading
slow and lookups miss the cache; here every key is appended to one `String`
and the table holds only indices, with each key's hash kept beside it so the
table can grow without hashing again.
*/

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// One key: its hash, its place in the buffer, and its value.
#[derive(Clone, Debug)]
struct Slot<V> {
    hash: u64,
    start: u32,
    len: u32,
    value: V,
}

/// A map from strings to `V`, with its keys in one buffer.
#[derive(Clone, Debug)]
pub struct ArenaMap<V> {
    keys: String,
    slots: Vec<Slot<V>>,
    table: HashTable<u32>,
}

impl<V> Default for ArenaMap<V> {
    fn default() -> Self {
        ArenaMap {
            keys: String::new(),
            slots: Vec::new(),
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
        self.slots.reserve(n_keys);
        let slots = &self.slots;
        self.table.reserve(n_keys, |idx| slots[*idx as usize].hash);
    }

    fn key_at(&self, idx: u32) -> &str {
        let slot = &self.slots[idx as usize];
        &self.keys[slot.start as usize..(slot.start + slot.len) as usize]
    }

    fn find(&self, hash: u64, key: &str) -> Option<u32> {
        self.table
            .find(hash, |idx| {
                self.slots[*idx as usize].hash == hash && self.key_at(*idx) == key
            })
            .copied()
    }

    /// The value of a key.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(hash_of(key), key)
            .map(|idx| &self.slots[idx as usize].value)
    }

    /// The value of a key, made with `make` when the key is new.
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> &mut V {
        let hash = hash_of(key);
        let idx = match self.find(hash, key) {
            Some(idx) => idx,
            None => {
                let idx = self.slots.len() as u32;
                self.slots.push(Slot {
                    hash,
                    start: self.keys.len() as u32,
                    len: key.len() as u32,
                    value: make(),
                });
                self.keys.push_str(key);
                let slots = &self.slots;
                self.table
                    .insert_unique(hash, idx, |i| slots[*i as usize].hash);
                idx
            }
        };
        &mut self.slots[idx as usize].value
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.slots.len()
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
        assert_eq!(map.len(), 1002);
    }
}
