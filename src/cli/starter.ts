/** The résumé `resume init` writes: every common section, valid as is, easy to edit. */
export const STARTER_RESUME = `# yaml-language-server: $schema=./resume.schema.json
# A JSON Resume (https://jsonresume.org/schema) in YAML. Build it with:  resume build
# The first line lets editors with the YAML language server complete and check this file
# against resume.schema.json (refresh it with: resume schema > resume.schema.json).

basics:
  name: Alex Example
  label: Software Engineer
  email: alex@example.com
  phone: "+1 555 0100"
  url: https://alex.example.com
  summary: >-
    Two or three sentences on what you do best and what you are looking for.
  location:
    city: Berlin
    countryCode: DE
  profiles:
    - network: GitHub
      username: alex-example
      url: https://github.com/alex-example

work:
  - name: Example Corp
    position: Senior Engineer
    location: Berlin, Germany
    startDate: 2021-03
    # no endDate: shown as "Present"
    highlights:
      - Start each bullet with a verb and end it with a result you can measure.
      - Keep bullets to one or two lines.
  - name: Previous Ltd
    position: Engineer
    startDate: 2018-09
    endDate: 2021-02
    highlights:
      - Shipped the thing that mattered, and say by how much it mattered.

education:
  - institution: Example University
    studyType: BSc
    area: Computer Science
    startDate: 2014
    endDate: 2018

skills:
  - name: Languages
    keywords: [TypeScript, Python, SQL]
  - name: Tools
    keywords: [PostgreSQL, Docker, GitHub Actions]

languages:
  - language: English
    fluency: Fluent
  - language: German
    fluency: Native

render:
  theme: classic
  paper: a4
`;
