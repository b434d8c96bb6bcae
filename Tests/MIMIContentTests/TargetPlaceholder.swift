// Keeps this test target valid on a fresh clone until its tests land (git does not track empty folders).
