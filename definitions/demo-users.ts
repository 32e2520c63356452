/**
 * Demo users seeded by `npm start` (the original Cruddur's cast). They sign up through the same
 * SignUp + ConfirmSignUp path as everyone else, so triggers create their profiles. The passwords
 * meet the pool's policy and are printed at start and listed in the README — demo data only.
 */
export interface DemoUser {
  handle: string;
  name: string;
  email: string;
  password: string;
}

export const demoUsers: DemoUser[] = [
  { handle: 'andrewbrown', name: 'Andrew Brown', email: 'andrewbrown@cruddur.test', password: 'Cruddur-Andrew-1' },
  { handle: 'altbrown', name: 'Andrew Brown (alt)', email: 'altbrown@cruddur.test', password: 'Cruddur-Alt-1' },
  { handle: 'bayko', name: 'Andrew Bayko', email: 'bayko@cruddur.test', password: 'Cruddur-Bayko-1' },
  { handle: 'londo', name: 'Londo Mollari', email: 'londo@cruddur.test', password: 'Cruddur-Londo-1' },
];
