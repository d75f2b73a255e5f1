export function App() {
  return <main>Applicant Panel</main>;
}
