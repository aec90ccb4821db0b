#include "generator/names.h"

#include <array>

namespace gctq_emulator::gen {
namespace {

constexpr std::array<std::string_view, 60> kFirstNames = {
    "Maria",  "James",  "Olivia", "Liam",   "Emma",   "Noah",    "Ava",    "Lucas",  "Sofia",  "Ethan",
    "Chloe",  "Mateo",  "Grace",  "Daniel", "Priya",  "Arjun",   "Mei",    "Wei",    "Fatima", "Omar",
    "Hannah", "Samuel", "Isabel", "Diego",  "Aisha",  "Kofi",    "Elena",  "Marco",  "Yuki",   "Kenji",
    "Laura",  "Peter",  "Sarah",  "David",  "Nina",   "Tomas",   "Julia",  "Carlos", "Amara",  "Jonah",
    "Leah",   "Victor", "Rosa",   "Andre",  "Keisha", "Brandon", "Tessa",  "Malik",  "Ingrid", "Rafael",
    "Zoe",    "Hugo",   "Anika",  "Felix",  "Lena",   "Oscar",   "Camila", "Henry",  "Naomi",  "Ruben"};

constexpr std::array<std::string_view, 50> kLastNames = {
    "Lopez",    "Smith",     "Johnson",  "Williams", "Brown",  "Garcia",  "Miller", "Davis",   "Rodriguez",
    "Martinez", "Hernandez", "Wilson",   "Anderson", "Thomas", "Taylor",  "Moore",  "Jackson", "Martin",
    "Lee",      "Perez",     "Thompson", "White",    "Harris", "Sanchez", "Clark",  "Ramirez", "Lewis",
    "Robinson", "Walker",    "Young",    "Allen",    "King",   "Wright",  "Scott",  "Torres",  "Nguyen",
    "Hill",     "Flores",    "Green",    "Adams",    "Nelson", "Baker",   "Hall",   "Rivera",  "Campbell",
    "Mitchell", "Carter",    "Patel",    "Kim",      "Okafor"};

constexpr std::array<std::string_view, 8> kEmailDomains = {
    "gmail dot com",  "yahoo dot com",   "outlook dot com", "hotmail dot com",
    "icloud dot com", "example dot com", "proton dot me",   "comcast dot net"};

}  // namespace

std::span<std::string_view const> FirstNames() {
  return kFirstNames;
}
std::span<std::string_view const> LastNames() {
  return kLastNames;
}
std::span<std::string_view const> EmailDomains() {
  return kEmailDomains;
}

}  // namespace gctq_emulator::gen
